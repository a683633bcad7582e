(()=>{var P,Ne,vt,j,pe,ne,De,Z,Ie,fe,_e,bt,z=Symbol.for("pv"),oe={},ae=[],yt=/^m(i|n|o|s|text|space)$/,me=Array.isArray,he=ae.slice,H=Object.assign;function R(e){e&&e.parentNode&&e.remove()}function Ae(e,t,n){var a,i,o,r={},l=arguments.length;for(o in t)o=="key"?a=t[o]:o=="ref"&&typeof e!="function"?i=t[o]:r[o]=t[o];return l>2&&(r.children=l>3?he.call(arguments,2):n),B(e,r,a,i,null)}function B(e,t,n,a,i){var o={type:e,props:t,key:n,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:z,__v:i||++Ne,__i:-1,__u:0};return!i&&P.vnode&&P.vnode(o),o}function re(e){return e.children}function ee(e,t){this.props=e,this.context=t,this.__g=0}function F(e,t){if(t==null)return e.__&&F(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!="function"||e.props.__P?null:F(e)}function wt(e){var t,n=e.__v,a=n.__e,i=[],o=[],r=e.__P;r&&((t=H({constructor:z},n)).__v=n.__v+1,P.vnode&&P.vnode(t),$e(r,t,n,e.__n,r.namespaceURI,32&n.__u?[a]:null,i,a||F(n),32&n.__u,o),t.__v=n.__v,t.__.__k[t.__i]=t,Re(i,t,o),n.__=n.__e=null,t.__e!=a&&Oe(t))}function Oe(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),Oe(e)}function qe(e){(8&e.__g||(e.__g|=8,j.push(e),ne++))&&pe==P.debounceRendering||((pe=P.debounceRendering)||queueMicrotask)(je)}function je(){try{for(var e,t=1;j.length;)j.length>t&&j.sort(De),e=j.shift(),t=j.length,8&e.__g&&wt(e)}finally{(ne=j.length)&&(pe||queueMicrotask)(je)}}function Fe(e,t,n,a,i,o,r,l,d,p,c){var g,$,s,f,y,v,m=a.__k||ae,_=t.length;for(d=kt(n,t,m,d,_),g=0;g<_;g++)(s=n.__k[g])!=null&&($=~s.__i&&m[s.__i]||oe,s.__i=g,v=$e(e,s,$,i,o,r,l,d,p,c),f=s.__e,($.ref!=s.ref||8&$.__u)&&($.ref&&ge($.ref,null,s,$),s.ref&&c.push(s.ref,s.__c||f,s)),y=y||f,4&s.__u?(d=Me(s,d,e,!$.__v),$.__e&&($.__e=null)):typeof s.type=="function"&&v!==void 0?d=v:f&&(d=f.nextSibling),s.__u&=-21);return n.__e=y,d}function kt(e,t,n,a,i){var o,r,l,d,p,c,g,$,s,f=n.length,y=f,v=0,m=0,_=e.__k=Array(i);for(o=0;o<i;o++)(r=t[o])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=_[o]=B(null,r):me(r)?r=_[o]=B(re,{children:r}):r.constructor===z&&r.__b?r=_[o]=B(r.type,r.props,r.key,r.ref,r.__v):_[o]=r,d=o+v,r.__=e,r.__b=e.__b+1,l=null,~(p=r.__i=xt(r,n,d,y))&&(y--,(l=n[p])&&(l.__u|=2)),l&&l.__v?(r.__u|=16,p==d-1?v--:p==d+1?v++:p!=d&&(p>d?v--:v++,m=1)):(~p||(i>f?v--:i<f&&v++),typeof r.type!="function"&&(r.__u|=4))):_[o]=null;if(m){for(c=[],g=[],o=0;o<i;o++)if((r=_[o])&&16&r.__u){for(v=0,$=c.length;v<$;)c[s=v+$>>1]<r.__i?v=s+1:$=s;c[v]=r.__i,g[o]=v+1}for(v=c.length;o--;)g[o]&&(g[o]==v?v--:_[o].__u|=4)}if(y)for(o=0;o<f;o++)!(l=n[o])||2&l.__u||(l.__e==a&&(a=F(l)),ve(l,l));return a}function Me(e,t,n,a){var i,o,r,l;if(typeof e.type=="function"){if(e.props.__P)return t;if(i=e.__k)for(o=0;o<i.length;o++)i[o]&&(i[o].__=e,t=Me(i[o],t,n,!1));return t}for(t&&!t.parentNode&&(t=F(e))&&!t.parentNode&&(t=null),r=e.__e,l=t;l&&l.nodeType==8;)l=l.nextSibling;for(r!=l&&(!a&&n.moveBefore&&r.parentNode?n.moveBefore(r,t):n.insertBefore(r,t||null)),t=r;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function xt(e,t,n,a){var i,o=e.key,r=e.type,l=t[n],d=l&&!(2&l.__u);if(l===null&&o==null||d&&o==l.key&&r==l.type)return n;if(a>(d?1:0)){for(i=n-1;i>=0;i--)if((l=t[i])&&!(2&l.__u)&&o==l.key&&r==l.type)return i;for(i=n+1;i<t.length;i++)if((l=t[i])&&!(2&l.__u)&&o==l.key&&r==l.type)return i}return-1}function Le(e,t,n){n==null&&(n=""),t[0]=="-"?e.setProperty(t,n):e[t]=n}function X(e,t,n,a,i){var o,r;if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof a=="string"&&(e.style.cssText=a=""),a)for(t in a)n&&t in n||Le(e.style,t);if(n)for(t in n)a&&n[t]==a[t]||Le(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")typeof n!="function"&&(n=null),typeof a!="function"&&(a=null),(e.__e||(e.__e={}))[t]=n,n&&a||(r=_e[t]||(_e[t]=Ct(t)),(e.__a||(e.__a={}))[t]=fe,o=t!=(t=t.replace(Ie,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),n?e.addEventListener(t,r,o):e.removeEventListener(t,r,o));else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n)}}function Ct(e){return function(t){var n=this.__e;if(n){if(n=n[e],t[Z]==null)t[Z]=fe++;else if(t[Z]<this.__a[e])return;return n(P.event?P.event(t):t)}}}function $e(e,t,n,a,i,o,r,l,d,p){var c,g,$,s,f,y,v,m,_,h,w,k,D,q,M,Ee,O,U,A=t.type;if(t.constructor!==z)return null;128&n.__u&&(d=32&n.__u,c=n.__c.__z)&&(t.__u|=d,g=o=[],c.nodeType==8?l=te(c,o):o.push(c),l=o[0]||l),(c=P.__b)&&c(t);e:if(typeof A=="function"){$=r.length;try{if(m=t.props,_=(c=A.prototype)&&c.render,h=(c=A.contextType)&&a[c.__c],w=c?h?h.props.value:c.__:a,(s=n.__c)?(t.__c=s,2&s.__g&&(s.__g|=1)):(_?t.__c=s=new A(m,w):(t.__c=s=new ee(m,w),s.constructor=A,s.render=St),h&&h.sub(s),s.state||(s.state={}),s.__n=a,s.__g|=8,s.__h=[],s.__k=[]),_&&(s.__s||(s.__s=s.state),A.getDerivedStateFromProps&&(s.__s==s.state&&(s.__s=H({},s.__s)),H(s.__s,A.getDerivedStateFromProps(m,s.__s)))),f=s.props,y=s.state,s.__v=t,n.__c){if(m!==f&&_&&!A.getDerivedStateFromProps&&s.componentWillReceiveProps&&s.componentWillReceiveProps(m,w),t.__v==n.__v&&!(8&s.__g)||!(4&s.__g)&&s.shouldComponentUpdate&&s.shouldComponentUpdate(m,s.__s,w)===!1){t.__v!=n.__v&&(s.props=m,s.state=s.__s,s.__g&=-9),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(I){I&&(I.__=t)}),ae.push.apply(s.__h,s.__k),s.__k=[],s.__h.length&&r.push(s),l=F(n);break e}s.componentWillUpdate&&s.componentWillUpdate(m,s.__s,w),_&&s.componentDidUpdate&&s.__h.push(function(){s.componentDidUpdate(f,y,v)})}else _&&!A.getDerivedStateFromProps&&s.componentWillMount&&s.componentWillMount(),_&&s.componentDidMount&&s.__h.push(s.componentDidMount);s.context=w,s.props=m,s.__P=e,s.__g&=-5,k=P.__r,D=_?25:0;do s.__g&=-9,k&&k(t),c=s.render(s.props,s.state=s.__s,s.context);while(8&s.__g&&++D<25);_&&(ae.push.apply(s.__h,s.__k),s.__k=[]),s.state=s.__s,s.getChildContext&&(a=H({},a,s.getChildContext())),_&&n.__c&&s.getSnapshotBeforeUpdate&&(v=s.getSnapshotBeforeUpdate(f,y)),q=c&&c.type===re&&c.key==null?c.props.children:c,m.__P&&(c=l,i=(e=m.__P).namespaceURI,d=o=null,n.props&&n.props.__P!=e&&(n.__k.some(function(I){I&&ve(I,I)}),n.__k=null),l=n.__k?F(n,0):null),l=Fe(e,me(q)?q:[q],t,n,a,i,o,r,l,d,p),m.__P&&(t.__e=null,l=c),t.__u&=-161,g&&g.some(R),s.__h.length&&r.push(s),1&s.__g&&(s.__g&=-4)}catch(I){if(r.length=$,t.__v=null,d||o)if(I&&I.then){if(t.__u|=128|d,o){for(~(O=o.indexOf(l||void 0))||(O=o.length);(U=o[O-1])&&U.nodeType==8;)O--;for(;O<o.length;O++)if(U=o[O])if(o[O]=null,M){if(U==Ee)break}else{if(U.nodeType!=8)break;U.data.startsWith("$s")&&(Ee=te(M=U))}}if(!M){for(;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;M=l}(c=te(M=t.__c.__z||(t.__c.__z=M)))?(t.__e=M,l=c):t.__e=l,l=l&&l.nextSibling}else o&&o.some(R);else t.__e=n.__e;t.__k||(t.__k=n.__k||[]),I&&I.then||Ue(t),P.__e(I,t,n)}}else l=t.__e=Pt(n.__e,t,n,a,i,o,r,d,p,e);return(c=P.diffed)&&c(t),l}function te(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))n++;else if(e.data.startsWith("/$s")&&!--n)return e}t&&t.push(e)}}function Ue(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(Ue))}function Re(e,t,n){for(var a=0;a<n.length;)ge(n[a++],n[a++],n[a++]);P.__c&&P.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(o){o.call(i)})}catch(o){P.__e(o,i.__v)}})}function Pt(e,t,n,a,i,o,r,l,d,p){var c,g,$,s,f,y,v,m,_=n.props||oe,h=t.props,w=t.type;if(w=="svg"?i="http://www.w3.org/2000/svg":w=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),o){for(c=0;c<o.length;c++)if((f=o[c])&&(w?f.localName==w:f.nodeType==3)){e=f,o[c]=null;break}}if(!e){if(m=p.ownerDocument||document,!w)return m.createTextNode(h);e=m.createElementNS(i,w,h.is?h:p),l&&(P.__m&&P.__m(t,o),l=!1),o=null}if(w){if(p=w=="template"&&e.content||e,o=w=="textarea"&&h.defaultValue!=null?null:o&&he.call(p.childNodes),!l&&o)for(_={},c=0;c<e.attributes.length;c++)_[(f=e.attributes[c]).name]=f.value;for(c in _)f=_[c],c=="dangerouslySetInnerHTML"?$=f:c=="children"||c in h||c=="value"&&"defaultValue"in h||c=="checked"&&"defaultChecked"in h||X(e,c,null,f,i);for(c in h)f=h[c],c=="children"?s=f:c=="dangerouslySetInnerHTML"?g=f:c=="value"?y=f:c=="checked"?v=f:l&&typeof f!="function"||_[c]===f||X(e,c,f,_[c],i);g?(l||$&&(g.__html==$.__html||g.__html==e.innerHTML)||(e.innerHTML=g.__html),t.__k=[]):($&&(e.textContent=""),(w=="foreignObject"||i=="http://www.w3.org/1998/Math/MathML"&&yt.test(w))&&(i="http://www.w3.org/1999/xhtml"),Fe(p,me(s)?s:[s],t,n,a,i,o,r,o?o[0]:n.__k&&F(n,0),l,d),o&&o.some(R)),l&&w!="textarea"||(c="value",w=="progress"&&y==null?e.removeAttribute(c):y==null||y===e[c]&&(w!="progress"||y)||X(e,c,y,_[c],i),c="checked",v!=null&&v!=e[c]&&X(e,c,v,_[c],i))}else _===h||l&&e.data==h||(e.data=h);return e}function ge(e,t,n,a){try{typeof e=="function"?t?t.__x=e(t)||1:a&&(a=a.__c||a.__e)&&(t=a.__x)&&(a.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(i){P.__e(i,n)}}function ve(e,t,n){var a,i,o,r;if(P.unmount&&P.unmount(e),!(a=e.ref)||a.current&&a.current!=e.__e||ge(a,null,t,e),a=e.__c){if(a.componentWillUnmount)try{a.componentWillUnmount()}catch(l){P.__e(l,t)}a.__P=a.__n=null}if(a=e.__k)for(r=0;r<a.length;r++)a[r]&&ve(a[r],t,typeof e.type!="function"||n&&!e.props.__P);!n&&(a=e.__c)&&(a=a.__z)&&(i=te(a,o=[]))&&(a==e.__e&&o.some(R),R(i),R(a)),n||R(e.__e),e.__e=e.__c=e.__=null}function St(e,t,n){return this.constructor(e,n)}function He(e,t){var n,a,i,o;P.__&&P.__(e,t),t.nodeType==9&&(t=t.documentElement),a=(n=e&&32&e.__u)?null:t.__k,t.__k=B(re,{children:[e]}),i=[],o=[],$e(t,t.__k,a||oe,oe,t.namespaceURI,a?null:t.firstChild?he.call(t.childNodes):null,i,a?a.__e:t.firstChild,n,o),Re(i,t.__k,o),t.__k.props.children=null}P={__e:function(e,t,n,a){for(var i,o,r;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((r=(o=i.constructor)&&o.getDerivedStateFromError)&&i.setState(o.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,a||{}),r=1),r&&8&i.__g)return void(i.__g|=2)}catch(l){e=l}}throw ne=0,e}},Ne=0,vt=function(e){return e!=null&&e.constructor===z},ee.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=H({},this.state)),typeof e=="function"&&(e=e(H({},n),this.props)),e&&(H(n,e),this.__v&&(t&&this.__k.push(t),qe(this)))},ee.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),qe(this))},ee.prototype.render=re,j=[],ne=0,De=function(e,t){return e.__v.__b-t.__v.__b},Z=Symbol(),Ie=/(PointerCapture)$|Capture$/i,fe=0,_e={},bt=0;var V,E,be,We,ye=Object.is,ie=0,Xe=[],we=[],S=P,Be=S.__b,ze=S.__r,Ge=S.diffed,Ve=S.__c,Ye=S.unmount,Ke=S.__;function xe(e,t){S.__h&&S.__h(E,e,ie||t),ie=0;var n=E.__H||(E.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function b(e){return ie=1,Tt(tt,e)}function Tt(e,t,n){var a=xe(V++,2);if(a.t=e,!a.__c&&(a.__=[n?n(t):tt(void 0,t),function(o){var r=(a.__N||a.__)[0],l=a.t(r,o);ye(r,l)||(a.__N=[l,a.__[1]],a.__c.setState({}))}],a.__c=E,!E.__f)){E.__f=!0;var i=E.shouldComponentUpdate;E.shouldComponentUpdate=function(o,r,l){var d=this.__H;if(!d)return!0;var p=!1,c=this.props!=o;if(d.__.some(function($){$.__N&&(p=!0,ye($.__[0],$.__N[0])||(c=!0))}),i){var g=i.call(this,o,r,l);return p?g||c:g}return!p||c}}return a.__}function L(e,t){var n=xe(V++,3);!S.__s&&et(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,E.__H.__h.push(n))}function Ze(e){return ie=5,Et(function(){return{current:e}},[])}function Et(e,t){var n=xe(V++,7);return et(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function qt(){var e;do{for(;e=we.shift();)try{G(e)}catch(n){S.__e(n,{__:(e=e.__P)&&e.__v})}for(;e=Xe.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(G),t.__h.some(ke),t.__h=[]}catch(n){t.__h=[],S.__e(n,e.__v)}}}while(we.length)}S.__b=function(e){E=null,Be&&Be(e)},S.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Ke&&Ke(e,t)},S.__r=function(e){ze&&ze(e),V=0;var t=(E=e.__c).__H;t&&(be==E?E.__h=[]:(t.__h.some(G),t.__h.some(ke),V=0),t.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),be=E},S.diffed=function(e){Ge&&Ge(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Qe(Xe.push(t)),t.__H.__.some(function(n){n.u&&(n.__H=n.u)})),be=E=null},S.__c=function(e,t){t.some(function(n){try{n.__h.some(G),n.__h=n.__h.filter(function(a){return!a.__||ke(a)})}catch(a){n.__h=[function(){throw a}]}}),Ve&&Ve(e,t)},S.unmount=function(e){Ye&&Ye(e);var t,n,a=e.__c;a&&a.__H&&(a.__H.__.some(function(i){try{if(i.__P&&i.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}i.__P=n,Qe(we.push(i))}else G(i)}catch(o){t=o}}),a.__H=void 0,t&&S.__e(t,a.__v))};var Je=typeof requestAnimationFrame=="function";function Lt(e){var t,n=function(){clearTimeout(a),Je&&cancelAnimationFrame(t),setTimeout(e)},a=setTimeout(n,35);Je&&(t=requestAnimationFrame(n))}function Qe(e){e!=1&&We==S.requestAnimationFrame||((We=S.requestAnimationFrame)||Lt)(qt)}function G(e){var t=E,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),E=t}function ke(e){var t=E;e.__c=e.__(),E=t}function et(e,t){return!e||e.length!=t.length||t.some(function(n,a){return!ye(n,e[a])})}function tt(e,t){return typeof t=="function"?t(e):t}var ot=function(e,t,n,a){var i;t[0]=0;for(var o=1;o<t.length;o++){var r=t[o++],l=t[o]?(t[0]|=r?1:2,n[t[o++]]):t[++o];r===3?a[0]=l:r===4?a[1]=Object.assign(a[1]||{},l):r===5?(a[1]=a[1]||{})[t[++o]]=l:r===6?a[1][t[++o]]+=l+"":r?(i=e.apply(l,ot(e,l,n,["",null])),a.push(i),l[0]?t[0]|=2:(t[o-2]=0,t[o]=i)):a.push(l)}return a},nt=new Map;function at(e){var t=nt.get(this);return t||(t=new Map,nt.set(this,t)),(t=ot(this,t.get(e)||(t.set(e,t=(function(n){for(var a,i,o=1,r="",l="",d=[0],p=function($){o===1&&($||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?d.push(0,$,r):o===3&&($||r)?(d.push(3,$,r),o=2):o===2&&r==="..."&&$?d.push(4,$,0):o===2&&r&&!$?d.push(5,0,!0,r):o>=5&&((r||!$&&o===5)&&(d.push(o,0,r,i),o=6),$&&(d.push(o,$,0,i),o=6)),r=""},c=0;c<n.length;c++){c&&(o===1&&p(),p(c));for(var g=0;g<n[c].length;g++)a=n[c][g],o===1?a==="<"?(p(),d=[d],o=3):r+=a:o===4?r==="--"&&a===">"?(o=1,r=""):r=a+r[0]:l?a===l?l="":r+=a:a==='"'||a==="'"?l=a:a===">"?(p(),o=1):o&&(a==="="?(o=5,i=r,r=""):a==="/"&&(o<5||n[c][g+1]===">")?(p(),o===3&&(d=d[0]),o=d,(d=d[0]).push(2,0,o),o=0):a===" "||a==="	"||a===`
`||a==="\r"?(p(),o=2):r+=a),o===3&&r==="!--"&&(o=4,d=d[0])}return p(),d})(e)),t),arguments,[])).length>1?t:t[0]}var u=at.bind(Ae);var se=class extends Error{constructor(t,n,a){super(n?.message||`HTTP ${t}`),this.status=t,this.code=n?.code||"http_error",this.field=n?.field||null,this.body=a}};async function rt(e,t,n={}){let a={Accept:"application/json",...n.headers||{}};n.token&&(a.Authorization=`Bearer ${n.token}`);let i={method:e,headers:a};n.body!==void 0&&(a["Content-Type"]="application/json",i.body=JSON.stringify(n.body));let o;try{o=await fetch(t,i)}catch{throw new se(0,{code:"network",message:"The server cannot be reached."})}let r=await o.text(),l=null;if(r)try{l=JSON.parse(r)}catch{l=null}if(!o.ok)throw new se(o.status,l?.error,l);return l}function Y(e){let t=new URLSearchParams;for(let[a,i]of Object.entries(e))i!=null&&i!==""&&t.set(a,String(i));let n=t.toString();return n?`?${n}`:""}function it(e,t){let n=window.location.hash.replace(/^#/,""),a=new URLSearchParams(n),i=a.get(e);if(i){sessionStorage.setItem(t,i),a.delete(e);let o=a.toString(),r=window.location.pathname+window.location.search+(o?`#${o}`:"");window.history.replaceState(null,"",r)}return sessionStorage.getItem(t)}var le="encore.admin.token",Ce=new Set;function st(){return it("token",le)}function Pe(){return sessionStorage.getItem(le)}function ce(e){e?sessionStorage.setItem(le,e):sessionStorage.removeItem(le);for(let t of Ce)t(e)}function lt(e){return Ce.add(e),()=>Ce.delete(e)}async function T(e,t,n){try{return await rt(e,`/api/v1/admin${t}`,{token:Pe(),body:n})}catch(a){throw a.status===401&&ce(null),a}}var N=encodeURIComponent,C={institution:()=>T("GET","/institution"),channels:e=>T("GET",`/channels${Y({lang:e})}`),seatCategories:e=>T("GET",`/seat-categories${Y({lang:e})}`),audiences:e=>T("GET",`/audiences${Y({lang:e})}`),searchProducts:(e,t,n=20)=>T("GET",`/products${Y({q:e,lang:t,limit:n})}`),product:e=>T("GET",`/products/${N(e)}`),profiles:()=>T("GET","/profiles"),createProfile:e=>T("POST","/profiles",e),profile:e=>T("GET",`/profiles/${N(e)}`),replaceProfile:(e,t)=>T("PUT",`/profiles/${N(e)}`,t),deleteProfile:e=>T("DELETE",`/profiles/${N(e)}`),createLine:(e,t)=>T("POST",`/profiles/${N(e)}/lines`,t),line:(e,t)=>T("GET",`/profiles/${N(e)}/lines/${N(t)}`),replaceLine:(e,t,n)=>T("PUT",`/profiles/${N(e)}/lines/${N(t)}`,n),deleteLine:(e,t)=>T("DELETE",`/profiles/${N(e)}/lines/${N(t)}`),reorderLines:(e,t)=>T("PUT",`/profiles/${N(e)}/lines`,{order:t}),validate:e=>T("POST",`/profiles/${N(e)}/validate`),activate:e=>T("POST",`/profiles/${N(e)}/activate`),deactivate:e=>T("POST",`/profiles/${N(e)}/deactivate`),preview:e=>T("POST","/preview",e)};var K=[{type:"upsell",label:"Upsell",stage:"product page, instead of the item"},{type:"cart",label:"Cart",stage:"after adding, under the cart"},{type:"conditional",label:"Conditional",stage:"after adding, under the cart, if conditions hold"},{type:"favorite",label:"Favourite",stage:"after adding, in the side panel"},{type:"post_purchase",label:"Post-purchase",stage:"after payment, on the confirmation"}];function ct(e){return K.find(t=>t.type===e)?.label||e}function de({status:e}){return u`<span class=${`status ${e}`} data-testid="profile-status">${e}</span>`}function J(e,t=[]){if(!e)return"";if(typeof e=="string")return e;for(let n of[...t,...Object.keys(e)])if(e[n])return e[n];return""}function Nt(e,t){if(!e?.field)return!1;let n=e.field;return n===t||n.startsWith(`${t}.`)||n.startsWith(`${t}[`)}function x({error:e,path:t}){return Nt(e,t)?u`<span class="field-error" role="alert" data-testid="field-error"
    data-field=${e.field}>${e.message}</span>`:null}function W({findings:e,testid:t="findings"}){if(!e?.length)return null;let n=[...e].sort((a,i)=>a.severity===i.severity?0:a.severity==="error"?-1:1);return u`<ul class="findings" data-testid=${t}>
    ${n.map(a=>u`<li class=${a.severity} data-testid="finding" data-severity=${a.severity}>
      <strong>${a.severity}</strong>${a.line?u` <code>${a.line}</code>`:""}: ${a.message}</li>`)}
  </ul>`}function Dt({reference:e,onCreated:t}){let[n,a]=b(""),[i,o]=b(""),[r,l]=b([]),[d,p]=b(null),c=e.channels.filter(s=>s.type==="internet"),g=s=>l(r.includes(s)?r.filter(f=>f!==s):[...r,s]);return u`
    <form class="panel new-profile" onSubmit=${async s=>{s.preventDefault();let f={code:n.trim(),status:"draft",channels:r,lines:[]};i.trim()&&(f.name={[e.lang]:i.trim()});try{await C.createProfile(f),p(null),t(f.code)}catch(y){p(y)}}} data-testid="new-profile">
      <h2>New profile</h2>
      <div class="row">
        <label>Code <input value=${n} required onInput=${s=>a(s.target.value)}
          data-testid="new-profile-code" /><${x} error=${d} path="code" /></label>
        <label>Name (${e.lang}) <input value=${i} onInput=${s=>o(s.target.value)}
          data-testid="new-profile-name" /></label>
      </div>
      <fieldset><legend>Channels (internet)</legend>
        ${c.map(s=>u`<label class="check"><input type="checkbox" checked=${r.includes(s.code)}
          onChange=${()=>g(s.code)} /> ${s.name} <code>${s.code}</code></label>`)}
        <${x} error=${d} path="channels" />
      </fieldset>
      ${d&&!d.field&&u`<p class="error" role="alert">${d.message}</p>`}
      <button class="primary" type="submit" data-testid="create-profile">Create draft</button>
    </form>`}function dt({reference:e}){let[t,n]=b(null),[a,i]=b(null);L(()=>{C.profiles().then(r=>n(r.profiles)).catch(r=>i(r.message))},[]);let o=r=>{window.location.hash=`#/profile/${encodeURIComponent(r)}`};return u`
    <section>
      <h1>Cross-sell profiles</h1>
      ${a&&u`<p class="error" role="alert">${a}</p>`}
      ${t&&u`
        <div class="table-wrap"><table class="profiles" data-testid="profiles">
          <thead><tr><th>Profile</th><th>Status</th><th>Channels</th><th>Lines</th><th>Findings</th></tr></thead>
          <tbody>${t.map(r=>u`
            <tr data-testid="profile-row" data-code=${r.code}>
              <td><a href=${`#/profile/${encodeURIComponent(r.code)}`}>${J(r.name,e.languages)||r.code}</a>
                <div class="muted"><code>${r.code}</code></div></td>
              <td><${de} status=${r.status} /></td>
              <td>${r.channels.join(", ")}</td>
              <td>${r.lines}</td>
              <td>${r.errors>0&&u`<span class="count error-count">${r.errors} error${r.errors>1?"s":""}</span>`}
                ${r.warnings>0&&u` <span class="count warning-count">${r.warnings} warning${r.warnings>1?"s":""}</span>`}
                ${!r.errors&&!r.warnings&&u`<span class="muted">none</span>`}</td>
            </tr>`)}</tbody>
        </table></div>`}
      <${Dt} reference=${e} onCreated=${o} />
    </section>`}var It=["instead","under_cart","sidebar","confirmation"];function At(e,t,n){let a=e.map(l=>l.id),i=a.indexOf(t),o=e[i].type,r=i+n;for(;r>=0&&r<e.length&&e[r].type!==o;)r+=n;return r<0||r>=e.length?null:([a[i],a[r]]=[a[r],a[i]],a)}function Ot({profile:e,reference:t,onSaved:n}){let[a,i]=b(()=>({...typeof e.name=="string"?{[t.lang]:e.name}:e.name||{}})),[o,r]=b(e.channels),[l,d]=b({...e.limits||{}}),[p,c]=b(null),g=t.channels.filter(f=>f.type==="internet"||e.channels.includes(f.code)),$=f=>r(o.includes(f)?o.filter(y=>y!==f):[...o,f]);return u`
    <details class="panel settings">
      <summary>Name, channels and limits</summary>
      <form onSubmit=${async f=>{f.preventDefault();let y={...e,channels:o},v=Object.fromEntries(Object.entries(a).filter(([,_])=>_.trim()));Object.keys(v).length?y.name=v:delete y.name;let m=Object.fromEntries(Object.entries(l).filter(([,_])=>_!==""&&_!==void 0).map(([_,h])=>[_,Number(h)]));Object.keys(m).length?y.limits=m:delete y.limits;try{n(await C.replaceProfile(e.code,y)),c(null)}catch(_){c(_)}}}>
        <div class="row">${t.languages.map(f=>u`
          <label>Name (${f}) <input value=${a[f]||""} onInput=${y=>i({...a,[f]:y.target.value})} /></label>`)}
        </div>
        <fieldset><legend>Channels</legend>
          ${g.map(f=>u`<label class="check"><input type="checkbox" checked=${o.includes(f.code)}
            data-testid="profile-channel" data-code=${f.code} onChange=${()=>$(f.code)} /> ${f.name} <code>${f.code}</code>
            ${f.type!=="internet"&&u` <em>(${f.type})</em>`}</label>`)}
          <${x} error=${p} path="channels" />
        </fieldset>
        <fieldset><legend>How many each placement shows (empty: the default)</legend>
          <div class="row">${It.map(f=>u`
            <label>${f} <input type="number" min="0" max="1000" value=${l[f]??""}
              onInput=${y=>d({...l,[f]:y.target.value})} /></label>`)}</div>
          <${x} error=${p} path="limits" />
        </fieldset>
        ${p&&u`<p class="error" role="alert">${p.message}</p>`}
        ${p?.body?.findings&&u`<${W} findings=${p.body.findings.findings} />`}
        <button class="primary" type="submit" data-testid="save-profile">Save</button>
      </form>
    </details>`}function jt(e){let t=[e.product];return e.quantity&&t.push(e.quantity.mode),e.date&&t.push(e.date),t.join(" \xB7 ")}function Ft({line:e,profile:t,findings:n,onMove:a,onDelete:i,first:o,last:r,reference:l}){let[d,p]=b(!1),c=n.filter(s=>s.line===e.id),g=`#/profile/${encodeURIComponent(t.code)}/line/${encodeURIComponent(e.id)}`,$=c.some(s=>s.severity==="error")?"has-error":c.length?"has-warning":"";return u`
    <li class=${`line ${$}`} data-testid="line" data-id=${e.id} data-type=${e.type}>
      <div class="line-main">
        <div>
          <a href=${g} class="line-id" data-testid="edit-line"><code>${e.id}</code></a>
          <span class="muted"> base </span><code>${e.base}</code>
          <span class="muted"> → </span>${e.targets.map((s,f)=>u`${f>0?", ":""}<code>${jt(s)}</code>`)}
          ${e.when&&u`<div class="muted">when: ${[e.when.min_quantity&&`at least ${e.when.min_quantity}`,e.when.performances&&`performances ${e.when.performances.join(", ")}`,e.when.seat_categories&&`seat categories ${e.when.seat_categories.join(", ")}`].filter(Boolean).join("; ")}</div>`}
          ${(e.valid_from||e.valid_to)&&u`<div class="muted">valid ${e.valid_from||"\u2026"} to ${e.valid_to||"\u2026"}</div>`}
          ${e.text&&u`<div class="line-text">${J(e.text,l.languages)}</div>`}
        </div>
        <div class="line-buttons">
          <button title="Move up" aria-label=${`Move ${e.id} up`} disabled=${o} data-testid="line-up" onClick=${()=>a(e.id,-1)}>↑</button>
          <button title="Move down" aria-label=${`Move ${e.id} down`} disabled=${r} data-testid="line-down" onClick=${()=>a(e.id,1)}>↓</button>
          <a class="button" href=${g}>Edit</a>
          ${d?u`<button class="danger" data-testid="line-delete-confirm" onClick=${()=>i(e.id)}>Delete ${e.id}?</button>`:u`<button data-testid="line-delete" onClick=${()=>p(!0)}>Delete</button>`}
        </div>
      </div>
      <${W} findings=${c} testid="line-findings" />
    </li>`}function Mt({profile:e,findings:t,reference:n,onMove:a,onDelete:i}){let o=e.lines||[];return K.map(({type:r,label:l,stage:d})=>{let p=o.filter(c=>c.type===r);return u`
      <section class="line-group" data-testid="line-group" data-type=${r}>
        <div class="group-head">
          <h2>${l} <small class="muted">${d}</small></h2>
          <a class="button" data-testid="add-line" data-type=${r}
            href=${`#/profile/${encodeURIComponent(e.code)}/new/${r}`}>Add a ${l.toLowerCase()} line</a>
        </div>
        ${p.length===0?u`<p class="muted">No line.</p>`:u`<ol class="lines">${p.map((c,g)=>u`<${Ft} key=${c.id} line=${c} profile=${e}
              findings=${t} reference=${n} first=${g===0} last=${g===p.length-1}
              onMove=${a} onDelete=${i} />`)}</ol>`}
      </section>`})}function ut({code:e,reference:t}){let[n,a]=b(null),[i,o]=b(null),[r,l]=b(null),[d,p]=b(null),[c,g]=b(!1),$=k=>{a(k.profile),o(k.findings)};L(()=>{C.profile(e).then($).catch(k=>l(k.message))},[e]);let s=async(k,D)=>{l(null),p(null);try{let q=await k();D(q)}catch(q){l(q.message),q.body?.findings&&o(q.body.findings)}},f=()=>s(()=>C.validate(e),k=>{o(k),p(k.errors?`${k.errors} error(s), ${k.warnings} warning(s): fix the errors before activating.`:`No error${k.warnings?`, ${k.warnings} warning(s)`:""}: the profile can be activated.`)}),y=()=>s(()=>C.activate(e),k=>{$(k);let D=k.took_over.map(q=>`${q.channel} from ${q.from}`).join(", ");p(`Active.${D?` Took over ${D}.`:""}`)}),v=()=>s(()=>C.deactivate(e),k=>{$(k),p("Back to draft.")}),m=(k,D)=>{let q=At(n.lines,k,D);q&&s(()=>C.reorderLines(e,q),$)},_=k=>s(()=>C.deleteLine(e,k),()=>C.profile(e).then($)),h=()=>s(()=>C.deleteProfile(e),()=>{window.location.hash="#/"});if(!n)return r?u`<p class="error" role="alert">${r}</p>`:u`<p class="muted">Loading…</p>`;let w=(i?.findings||[]).filter(k=>!k.line);return u`
    <section class="profile" data-testid="profile" data-code=${n.code}>
      <p><a href="#/">← Profiles</a></p>
      <div class="profile-head">
        <h1>${J(n.name,t.languages)||n.code} <code>${n.code}</code></h1>
        <${de} status=${n.status} />
      </div>
      <p class="muted">Channels: <span data-testid="profile-channels">${n.channels.join(", ")||"none"}</span>
        ${i&&u` · <span data-testid="finding-counts">${i.errors} error(s), ${i.warnings} warning(s)</span>`}</p>
      <div class="actions">
        <button data-testid="validate" onClick=${f}>Validate</button>
        ${n.status==="active"?u`<button data-testid="deactivate" onClick=${v}>Deactivate</button>`:u`<button class="primary" data-testid="activate" onClick=${y}>Activate</button>`}
        <a class="button" href="#/preview">Preview</a>
        ${c?u`<button class="danger" data-testid="profile-delete-confirm" onClick=${h}>Delete ${n.code}?</button>`:u`<button data-testid="profile-delete" onClick=${()=>g(!0)}>Delete profile</button>`}
      </div>
      ${d&&u`<p class="notice" role="status" data-testid="notice">${d}</p>`}
      ${r&&u`<p class="error" role="alert" data-testid="profile-error">${r}</p>`}
      <${W} findings=${w} testid="profile-findings" />
      <${Ot} key=${JSON.stringify(n)} profile=${n} reference=${t} onSaved=${$} />
      <${Mt} profile=${n} findings=${i?.findings||[]} reference=${t}
        onMove=${m} onDelete=${_} />
    </section>`}var Ut=150;function Q({value:e,onChange:t,lang:n,testid:a="product-picker",placeholder:i}){let[o,r]=b(""),[l,d]=b([]),[p,c]=b(!1),[g,$]=b(0),[s,f]=b(null),y=Ze(0);L(()=>{if(!e){f(null);return}s?.code!==e&&C.searchProducts(e,n,5).then(_=>f(_.products.find(h=>h.code===e)||{code:e,name:""})).catch(()=>f({code:e,name:""}))},[e]),L(()=>{if(!p)return;let _=++y.current,h=setTimeout(()=>{C.searchProducts(o,n,20).then(w=>{_===y.current&&(d(w.products),$(0))}).catch(()=>_===y.current&&d([]))},Ut);return()=>clearTimeout(h)},[o,p]);let v=_=>{f(_),c(!1),r(""),t(_.code,_)},m=_=>{_.key==="ArrowDown"?$(Math.min(g+1,l.length-1)):_.key==="ArrowUp"?$(Math.max(g-1,0)):_.key==="Enter"&&l[g]?(_.preventDefault(),v(l[g])):_.key==="Escape"&&c(!1)};return u`
    <div class="picker" data-testid=${a}>
      ${e&&u`<div class="picked" data-testid="picked" data-code=${e}>
        <code>${e}</code> ${s?.name&&u`<span>${s.name}</span>`}
        ${s?.archived&&u` <em>(archived)</em>`}</div>`}
      <input type="search" value=${o} placeholder=${i||(e?"Change: type a code or a name":"Type a code or a name")}
        data-testid="picker-input" autocomplete="off"
        onInput=${_=>{r(_.target.value),c(!0)}}
        onFocus=${()=>c(!0)} onKeyDown=${m}
        onBlur=${()=>setTimeout(()=>c(!1),200)} />
      ${p&&l.length>0&&u`
        <ul class="picker-results" role="listbox">
          ${l.map((_,h)=>u`<li role="option" aria-selected=${h===g} data-testid="picker-result"
            data-code=${_.code} class=${h===g?"active":""}
            onMouseDown=${w=>{w.preventDefault(),v(_)}}><code>${_.code}</code> ${_.name} <small class="muted">${_.kind}${_.dated?", dated":""}</small></li>`)}
        </ul>`}
    </div>`}var pt=()=>({product:"",qmode:"",per:"",value:"",min:"",max:"",date:"",seat_categories:[],audiences:[]});function Rt(e){let t=e.quantity||{};return{product:e.product,qmode:t.mode||"",per:t.per??"",value:t.value??"",min:t.min??"",max:t.max??"",date:e.date||"",seat_categories:e.seat_categories||[],audiences:e.audiences||[]}}function _t(e,t){let n={};for(let a of t)n[a]="";return typeof e.text=="string"?n[t[0]]=e.text:Object.assign(n,e.text||{}),{id:e.id||"",type:e.type||"cart",base:e.base||"",targets:(e.targets||[]).map(Rt),when:{min_quantity:e.when?.min_quantity??"",performances:e.when?.performances||[],seat_categories:e.when?.seat_categories||[]},valid_from:e.valid_from||"",valid_to:e.valid_to||"",text:n}}function ft(e){let t=String(e).trim();return/^-?\d+$/.test(t)?Number(t):t}function Ht(e){let t={product:e.product};if(e.qmode){let n={mode:e.qmode},a={proportional:["per"],fixed:["value"],choice:["min","max"]}[e.qmode];for(let i of a)String(e[i]).trim()!==""&&(n[i]=ft(e[i]));t.quantity=n}return e.date&&(t.date=e.date),e.seat_categories.length&&(t.seat_categories=e.seat_categories),e.audiences.length&&(t.audiences=e.audiences),t}function Wt(e){let t={id:e.id.trim(),type:e.type,base:e.base,targets:e.targets.map(Ht)};if(e.type==="conditional"){let a={};String(e.when.min_quantity).trim()!==""&&(a.min_quantity=ft(e.when.min_quantity)),e.when.performances.length&&(a.performances=e.when.performances),e.when.seat_categories.length&&(a.seat_categories=e.when.seat_categories),Object.keys(a).length&&(t.when=a)}e.valid_from.trim()&&(t.valid_from=e.valid_from.trim()),e.valid_to.trim()&&(t.valid_to=e.valid_to.trim());let n=Object.fromEntries(Object.entries(e.text).filter(([,a])=>a.trim()!==""));return Object.keys(n).length&&(t.text=n),t}function Bt(e){if(!e?.field)return e;let t=e.field.replace(/^lines\[\d+\]\.?/,"");return{...e,field:t,message:e.message}}function ue({options:e,chosen:t,onChange:n,testid:a}){let i=o=>n(t.includes(o)?t.filter(r=>r!==o):[...t,o]);return u`<div class="checks" data-testid=${a}>
    ${e.map(o=>u`<label class="check"><input type="checkbox" checked=${t.includes(o.code)}
      data-code=${o.code} onChange=${()=>i(o.code)} /> ${o.name||o.code}</label>`)}
    <span class="muted">${t.length?"":"none ticked: any"}</span>
  </div>`}function zt({t:e,i:t,count:n,set:a,remove:i,move:o,reference:r,error:l}){let d=`targets[${t}]`,p=(c,g,$={})=>u`<label>${g}
    <input type="number" min="1" value=${e[c]} data-testid=${`target-${c}`} ...${$}
      onInput=${s=>a({...e,[c]:s.target.value})} />
    <${x} error=${l} path=${`${d}.quantity.${c}`} /></label>`;return u`
    <fieldset class="target" data-testid="target" data-index=${t}>
      <legend>Target ${t+1}</legend>
      <label>Product</label>
      <${Q} value=${e.product} lang=${r.lang} testid="target-product"
        onChange=${c=>a({...e,product:c})} />
      <${x} error=${l} path=${`${d}.product`} />
      <div class="row">
        <label>Quantity
          <select value=${e.qmode} data-testid="target-quantity-mode" onChange=${c=>a({...e,qmode:c.target.value})}>
            <option value="">default for the kind of line</option>
            <option value="proportional">proportional to the base</option>
            <option value="fixed">fixed</option>
            <option value="choice">the buyer's choice</option>
          </select><${x} error=${l} path=${`${d}.quantity`} /></label>
        ${e.qmode==="proportional"&&p("per","one per \u2026 base units (default 1)")}
        ${e.qmode==="fixed"&&p("value","value")}
        ${e.qmode==="choice"&&p("min","min (default 1)")}
        ${e.qmode==="choice"&&p("max","max (default max per order, else 10)")}
        <label>Date
          <select value=${e.date} data-testid="target-date" onChange=${c=>a({...e,date:c.target.value})}>
            <option value="">default for the kind of line</option>
            <option value="same_as_base">same as the base</option>
            <option value="choice">the buyer's choice</option>
          </select><${x} error=${l} path=${`${d}.date`} /></label>
      </div>
      <label>Seat categories that may be offered</label>
      <${ue} options=${r.seatCategories} chosen=${e.seat_categories} testid="target-seat-categories"
        onChange=${c=>a({...e,seat_categories:c})} />
      <${x} error=${l} path=${`${d}.seat_categories`} />
      <label>Audiences that may be offered</label>
      <${ue} options=${r.audiences} chosen=${e.audiences} testid="target-audiences"
        onChange=${c=>a({...e,audiences:c})} />
      <${x} error=${l} path=${`${d}.audiences`} />
      <div class="line-buttons">
        <button type="button" disabled=${t===0} onClick=${()=>o(-1)}>↑</button>
        <button type="button" disabled=${t===n-1} onClick=${()=>o(1)}>↓</button>
        <button type="button" disabled=${n===1} onClick=${i} data-testid="target-remove">Remove target</button>
      </div>
    </fieldset>`}function Gt({form:e,setForm:t,reference:n,error:a}){let[i,o]=b([]);L(()=>{e.base&&C.product(e.base).then(d=>o((d.product.performances||[]).map(p=>({code:p.code,name:`${p.code} \xB7 ${p.start.slice(0,16).replace("T"," ")}`})))).catch(()=>o([]))},[e.base]);let r=e.when,l=(d,p)=>t({...e,when:{...r,[d]:p}});return u`
    <fieldset class="when" data-testid="when">
      <legend>Conditions on the base (conditional line)</legend>
      <label>Minimum quantity (default 1)
        <input type="number" min="1" value=${r.min_quantity} data-testid="when-min-quantity"
          onInput=${d=>l("min_quantity",d.target.value)} />
        <${x} error=${a} path="when.min_quantity" /></label>
      <label>Performances of the base</label>
      ${i.length?u`<${ue} options=${i} chosen=${r.performances} testid="when-performances"
        onChange=${d=>l("performances",d)} />`:u`<p class="muted">${e.base?"The base has no performance.":"Choose the base first."}</p>`}
      <${x} error=${a} path="when.performances" />
      <label>Seat categories</label>
      <${ue} options=${n.seatCategories} chosen=${r.seat_categories} testid="when-seat-categories"
        onChange=${d=>l("seat_categories",d)} />
      <${x} error=${a} path="when.seat_categories" />
      <${x} error=${a} path="when" />
    </fieldset>`}function Se({code:e,id:t,newType:n,reference:a}){let i=!t,[o,r]=b(i?{..._t({type:n||"cart"},a.languages),targets:[pt()]}:null),[l,d]=b([]),[p,c]=b(null),[g,$]=b(!1);if(L(()=>{i||C.line(e,t).then(m=>{r(_t(m.line,a.languages)),d(m.findings.findings.filter(_=>_.line===t))}).catch(m=>c(m))},[e,t]),!o)return p?u`<p class="error" role="alert">${p.message}</p>`:u`<p class="muted">Loading…</p>`;let s=(m,_)=>r({...o,targets:o.targets.map((h,w)=>w===m?_:h)}),f=(m,_)=>{let h=o.targets.slice();[h[m],h[m+_]]=[h[m+_],h[m]],r({...o,targets:h})},y=`#/profile/${encodeURIComponent(e)}`,v=async m=>{m.preventDefault(),$(!0),c(null);let _=Wt(o);try{i?await C.createLine(e,_):await C.replaceLine(e,t,_),window.location.hash=y}catch(h){c(Bt(h)),h.body?.findings&&d(h.body.findings.findings.filter(w=>!w.line||w.line===_.id))}finally{$(!1)}};return u`
    <section class="line-editor" data-testid="line-editor">
      <p><a href=${y}>← Profile ${e}</a></p>
      <h1>${i?`New ${ct(o.type).toLowerCase()} line`:u`Line <code>${t}</code>`}</h1>
      <${W} findings=${l} testid="line-findings" />
      <form onSubmit=${v}>
        <div class="row">
          <label>Line id
            <input value=${o.id} required readonly=${!i} data-testid="line-id"
              onInput=${m=>r({...o,id:m.target.value})} />
            <${x} error=${p} path="id" /></label>
          <label>Kind
            <select value=${o.type} data-testid="line-type" onChange=${m=>r({...o,type:m.target.value})}>
              ${K.map(m=>u`<option value=${m.type}>${m.label}: ${m.stage}</option>`)}
            </select><${x} error=${p} path="type" /></label>
        </div>
        <label>Base product (what the buyer picked)</label>
        <${Q} value=${o.base} lang=${a.lang} testid="base-product"
          onChange=${m=>r({...o,base:m,when:{...o.when,performances:[]}})} />
        <${x} error=${p} path="base" />
        ${o.type==="conditional"&&u`<${Gt} form=${o} setForm=${r} reference=${a} error=${p} />`}
        <h2>Targets (proposed, in order)</h2>
        ${o.targets.map((m,_)=>u`<${zt} key=${_} t=${m} i=${_} count=${o.targets.length}
          reference=${a} error=${p}
          set=${h=>s(_,h)} move=${h=>f(_,h)}
          remove=${()=>r({...o,targets:o.targets.filter((h,w)=>w!==_)})} />`)}
        <${x} error=${p} path="targets" />
        <button type="button" data-testid="add-target" onClick=${()=>r({...o,targets:[...o.targets,pt()]})}>Add a target</button>
        <h2>Validity</h2>
        <div class="row">
          <label>Valid from (YYYY-MM-DD, or a time with its offset)
            <input value=${o.valid_from} placeholder="2027-01-01" data-testid="valid-from"
              onInput=${m=>r({...o,valid_from:m.target.value})} />
            <${x} error=${p} path="valid_from" /></label>
          <label>Valid to
            <input value=${o.valid_to} placeholder="2027-06-30" data-testid="valid-to"
              onInput=${m=>r({...o,valid_to:m.target.value})} />
            <${x} error=${p} path="valid_to" /></label>
        </div>
        <h2>Text for buyers</h2>
        ${a.languages.map(m=>u`<label>Text (${m})
          <textarea rows="2" value=${o.text[m]||""} data-testid="line-text" data-lang=${m}
            onInput=${_=>r({...o,text:{...o.text,[m]:_.target.value}})}></textarea>
          <${x} error=${p} path=${`text.${m}`} /></label>`)}
        <${x} error=${p} path="text" />
        ${p&&u`<p class="error" role="alert" data-testid="save-error">Not saved: ${p.message}${p.field?` (${p.field})`:""}</p>`}
        <div class="actions">
          <button class="primary" type="submit" disabled=${g} data-testid="save-line">Save the line</button>
          <a class="button" href=${y}>Cancel</a>
        </div>
      </form>
    </section>`}var Te=()=>({product:"",performance:"",seat_category:"",audience:"",quantity:"1"});function mt(e){let t={product:e.product};for(let n of["performance","seat_category","audience"])e[n]&&(t[n]=e[n]);return t.quantity=/^\d+$/.test(String(e.quantity).trim())?Number(e.quantity):e.quantity,t}function ht({item:e,set:t,remove:n,reference:a,error:i,path:o}){let[r,l]=b([]);return L(()=>{e.product&&C.product(e.product).then(d=>l(d.product.performances||[])).catch(()=>l([]))},[e.product]),u`
    <div class="item-editor" data-testid="preview-item">
      <${Q} value=${e.product} lang=${a.lang} testid="preview-product"
        onChange=${d=>t({...e,product:d,performance:""})} />
      <${x} error=${i} path=${`${o}.product`} />
      <div class="row">
        <label>Performance
          <select value=${e.performance} data-testid="preview-performance" onChange=${d=>t({...e,performance:d.target.value})}>
            <option value="">none</option>
            ${r.map(d=>u`<option value=${d.code}>${d.code} · ${d.start.slice(0,16).replace("T"," ")}</option>`)}
          </select><${x} error=${i} path=${`${o}.performance`} /></label>
        <label>Seat category
          <select value=${e.seat_category} data-testid="preview-seat-category" onChange=${d=>t({...e,seat_category:d.target.value})}>
            <option value="">none</option>
            ${a.seatCategories.map(d=>u`<option value=${d.code}>${d.name}</option>`)}
          </select></label>
        <label>Audience
          <select value=${e.audience} data-testid="preview-audience" onChange=${d=>t({...e,audience:d.target.value})}>
            <option value="">none</option>
            ${a.audiences.map(d=>u`<option value=${d.code}>${d.name}</option>`)}
          </select></label>
        <label>Quantity
          <input type="number" min="1" value=${e.quantity} data-testid="preview-quantity"
            onInput=${d=>t({...e,quantity:d.target.value})} />
          <${x} error=${i} path=${`${o}.quantity`} /></label>
        ${n&&u`<button type="button" onClick=${n}>Remove</button>`}
      </div>
    </div>`}function Vt({answer:e}){return e?e.proposals.length?u`<ol class="preview-proposals" data-testid="preview-proposals">
    ${e.proposals.map(t=>u`<li data-testid="preview-proposal" data-line=${t.line} data-product=${t.product}>
      <strong>${t.placement}</strong> · <code>${t.line}</code> (${t.type}) → <code>${t.product}</code> ${t.name}
      <div class="muted">quantity ${t.quantity.mode==="choice"?`${t.quantity.min}\u2013${t.quantity.max}`:t.quantity.value}
        ${t.performances&&` \xB7 ${t.performances.map(n=>n.code).join(", ")}`}
        · ${t.offers.length} offer(s)${t.price_difference!==void 0?` \xB7 difference ${t.price_difference}`:""}</div>
      ${t.text&&u`<div>${t.text}</div>`}
    </li>`)}
  </ol>`:u`<p class="muted" data-testid="preview-empty">No proposal${e.profile?"":" (no active profile on this channel, R1)"}.</p>`:null}function Yt({trace:e}){return e?u`
    <div class="table-wrap"><table class="trace" data-testid="trace">
      <thead><tr><th>Line</th><th>Target</th><th>Base</th><th>Outcome</th><th>Rule</th><th>Why</th></tr></thead>
      <tbody>${e.map(t=>u`
        <tr data-testid="trace-entry" data-line=${t.line} data-outcome=${t.outcome} class=${t.outcome==="proposed"?"fired":"stopped"}>
          <td><code>${t.line}</code>${t.type?u` <small class="muted">${t.type}</small>`:""}</td>
          <td>${t.target&&u`<code>${t.target}</code>`}</td>
          <td>${t.base&&u`<code>${[t.base.product,t.base.performance].filter(Boolean).join(" / ")}</code>`}</td>
          <td>${t.outcome==="proposed"?"fired":t.outcome}</td>
          <td>${t.rule||""}</td>
          <td>${t.message||""}</td>
        </tr>`)}</tbody>
    </table></div>`:null}function $t({reference:e}){let t=e.channels,[n,a]=b((t.find(h=>h.type==="internet")||t[0])?.code||""),[i,o]=b("cart"),[r,l]=b(e.lang),[d,p]=b(""),[c,g]=b([Te()]),[$,s]=b(Te()),[f,y]=b(null),[v,m]=b(null);return u`
    <section class="preview" data-testid="preview">
      <h1>Preview</h1>
      <p class="muted">What a buyer would see, and why each line fired or which rule stopped it.</p>
      <form onSubmit=${async h=>{h.preventDefault();let w={channel:n,stage:i,lang:r,cart:c.filter(k=>k.product).map(mt)};d.trim()&&(w.now=d.trim()),i==="product"&&(w.focus=mt($)),m(null);try{y(await C.preview(w))}catch(k){y(null),m(k)}}} class="panel">
        <div class="row">
          <label>Channel <select value=${n} data-testid="preview-channel" onChange=${h=>a(h.target.value)}>
            ${t.map(h=>u`<option value=${h.code}>${h.name} (${h.code}, ${h.type})</option>`)}</select></label>
          <label>Stage <select value=${i} data-testid="preview-stage" onChange=${h=>o(h.target.value)}>
            <option value="product">product page (upsell)</option>
            <option value="cart">cart (cart, conditional, favourite)</option>
            <option value="confirmation">confirmation (post-purchase)</option></select></label>
          <label>Language <select value=${r} onChange=${h=>l(h.target.value)}>
            ${e.languages.map(h=>u`<option value=${h}>${h}</option>`)}</select></label>
          <label>Date (RFC 3339; empty: now)
            <input value=${d} placeholder="2027-05-02T10:00:00-04:00" data-testid="preview-now"
              onInput=${h=>p(h.target.value)} /><${x} error=${v} path="now" /></label>
        </div>
        ${i==="product"&&u`<h2>Focus (the item looked at)</h2>
          <${ht} item=${$} set=${s} reference=${e} error=${v} path="focus" />`}
        <h2>Cart</h2>
        ${c.map((h,w)=>u`<${ht} key=${w} item=${h} reference=${e} error=${v} path=${`cart[${w}]`}
          set=${k=>g(c.map((D,q)=>q===w?k:D))}
          remove=${()=>g(c.filter((k,D)=>D!==w))} />`)}
        <div class="actions">
          <button type="button" data-testid="preview-add-item" onClick=${()=>g([...c,Te()])}>Add an item</button>
          <button class="primary" type="submit" data-testid="preview-run">Preview</button>
        </div>
        ${v&&u`<p class="error" role="alert" data-testid="preview-error">${v.message}${v.field?` (${v.field})`:""}</p>`}
      </form>
      ${f&&u`
        <h2>Proposals <small class="muted">profile ${f.answer.profile??"none"} · now ${f.answer.now}</small></h2>
        <${Vt} answer=${f.answer} />
        <h2>Lines considered</h2>
        <${Yt} trace=${f.trace} />`}
    </section>`}function gt(){return window.location.hash.replace(/^#\/?/,"").split("/").map(t=>decodeURIComponent(t))}function Kt({problem:e}){let[t,n]=b("");return u`
    <section class="login">
      <h1>Encore back-office</h1>
      <form onSubmit=${i=>{i.preventDefault(),t.trim()&&ce(t.trim())}}>
        <label>Admin token
          <input type="password" autocomplete="off" data-testid="admin-token" value=${t}
            onInput=${i=>n(i.target.value)} /></label>
        <button class="primary" type="submit" data-testid="sign-in">Sign in</button>
      </form>
      ${e&&u`<p class="error" role="alert" data-testid="login-error">${e}</p>`}
      <p class="muted">The token is printed once by <code>encore serve</code> on its first start,
        or set with ENCORE_ADMIN_TOKEN. It is kept in this tab only.</p>
    </section>`}async function Jt(){let[e,t,n,a]=await Promise.all([C.institution(),C.channels(),C.seatCategories(),C.audiences()]);return{institution:e.institution,languages:e.institution.languages||[],lang:(e.institution.languages||["en"])[0],channels:t.channels,seatCategories:n.seat_categories,audiences:a.audiences}}function Qt({route:e}){let t=n=>e[0]===n||!e[0]&&n===""?"on":"";return u`
    <header class="top">
      <a class="brand" href="#/">Encore <small>back-office</small></a>
      <nav>
        <a class=${t("")} href="#/">Profiles</a>
        <a class=${t("preview")} href="#/preview" data-testid="nav-preview">Preview</a>
        <a href="/shop/" target="_blank" rel="noopener">Ticketshop ↗</a>
        <button class="lang" onClick=${()=>ce(null)} data-testid="sign-out">Sign out</button>
      </nav>
    </header>`}function Xt(){let[e,t]=b(Pe()),[n,a]=b(gt()),[i,o]=b(null),[r,l]=b(null);if(L(()=>lt(p=>{t(p),p||l("The admin token was refused or is missing. Sign in again.")}),[]),L(()=>{let p=()=>a(gt());return window.addEventListener("hashchange",p),()=>window.removeEventListener("hashchange",p)},[]),L(()=>{e&&(o(null),Jt().then(p=>{o(p),l(null)}).catch(p=>l(p.message)))},[e]),!e)return u`<main><${Kt} problem=${r} /></main>`;let d;return i?n[0]==="profile"&&n[2]==="line"?d=u`<${Se} key=${n.join("/")} reference=${i} code=${n[1]} id=${n[3]} />`:n[0]==="profile"&&n[2]==="new"?d=u`<${Se} key=${n.join("/")} reference=${i} code=${n[1]} newType=${n[3]} />`:n[0]==="profile"?d=u`<${ut} key=${n[1]} reference=${i} code=${n[1]} />`:n[0]==="preview"?d=u`<${$t} reference=${i} />`:d=u`<${dt} reference=${i} />`:d=r?u`<p class="error" role="alert">${r}</p>`:u`<p class="muted">Loading…</p>`,u`<${Qt} route=${n} /><main>${d}</main>`}st();He(u`<${Xt} />`,document.getElementById("app"));})();
