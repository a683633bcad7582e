(()=>{var P,De,vt,j,pe,oe,Ie,ee,Ae,fe,_e,bt,z=Symbol.for("pv"),ae={},re=[],yt=/^m(i|n|o|s|text|space)$/,me=Array.isArray,he=re.slice,H=Object.assign;function R(e){e&&e.parentNode&&e.remove()}function Oe(e,t,n){var a,i,o,r={},s=arguments.length;for(o in t)o=="key"?a=t[o]:o=="ref"&&typeof e!="function"?i=t[o]:r[o]=t[o];return s>2&&(r.children=s>3?he.call(arguments,2):n),B(e,r,a,i,null)}function B(e,t,n,a,i){var o={type:e,props:t,key:n,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:z,__v:i||++De,__i:-1,__u:0};return!i&&P.vnode&&P.vnode(o),o}function ie(e){return e.children}function te(e,t){this.props=e,this.context=t,this.__g=0}function F(e,t){if(t==null)return e.__&&F(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!="function"||e.props.__P?null:F(e)}function wt(e){var t,n=e.__v,a=n.__e,i=[],o=[],r=e.__P;r&&((t=H({constructor:z},n)).__v=n.__v+1,P.vnode&&P.vnode(t),$e(r,t,n,e.__n,r.namespaceURI,32&n.__u?[a]:null,i,a||F(n),32&n.__u,o),t.__v=n.__v,t.__.__k[t.__i]=t,He(i,t,o),n.__=n.__e=null,t.__e!=a&&je(t))}function je(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),je(e)}function Le(e){(8&e.__g||(e.__g|=8,j.push(e),oe++))&&pe==P.debounceRendering||((pe=P.debounceRendering)||queueMicrotask)(Fe)}function Fe(){try{for(var e,t=1;j.length;)j.length>t&&j.sort(Ie),e=j.shift(),t=j.length,8&e.__g&&wt(e)}finally{(oe=j.length)&&(pe||queueMicrotask)(Fe)}}function Me(e,t,n,a,i,o,r,s,d,p,c){var g,$,l,_,w,y,m=a.__k||re,f=t.length;for(d=kt(n,t,m,d,f),g=0;g<f;g++)(l=n.__k[g])!=null&&($=~l.__i&&m[l.__i]||ae,l.__i=g,y=$e(e,l,$,i,o,r,s,d,p,c),_=l.__e,($.ref!=l.ref||8&$.__u)&&($.ref&&ge($.ref,null,l,$),l.ref&&c.push(l.ref,l.__c||_,l)),w=w||_,4&l.__u?(d=Ue(l,d,e,!$.__v),$.__e&&($.__e=null)):typeof l.type=="function"&&y!==void 0?d=y:_&&(d=_.nextSibling),l.__u&=-21);return n.__e=w,d}function kt(e,t,n,a,i){var o,r,s,d,p,c,g,$,l,_=n.length,w=_,y=0,m=0,f=e.__k=Array(i);for(o=0;o<i;o++)(r=t[o])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=f[o]=B(null,r):me(r)?r=f[o]=B(ie,{children:r}):r.constructor===z&&r.__b?r=f[o]=B(r.type,r.props,r.key,r.ref,r.__v):f[o]=r,d=o+y,r.__=e,r.__b=e.__b+1,s=null,~(p=r.__i=xt(r,n,d,w))&&(w--,(s=n[p])&&(s.__u|=2)),s&&s.__v?(r.__u|=16,p==d-1?y--:p==d+1?y++:p!=d&&(p>d?y--:y++,m=1)):(~p||(i>_?y--:i<_&&y++),typeof r.type!="function"&&(r.__u|=4))):f[o]=null;if(m){for(c=[],g=[],o=0;o<i;o++)if((r=f[o])&&16&r.__u){for(y=0,$=c.length;y<$;)c[l=y+$>>1]<r.__i?y=l+1:$=l;c[y]=r.__i,g[o]=y+1}for(y=c.length;o--;)g[o]&&(g[o]==y?y--:f[o].__u|=4)}if(w)for(o=0;o<_;o++)!(s=n[o])||2&s.__u||(s.__e==a&&(a=F(s)),ve(s,s));return a}function Ue(e,t,n,a){var i,o,r,s;if(typeof e.type=="function"){if(e.props.__P)return t;if(i=e.__k)for(o=0;o<i.length;o++)i[o]&&(i[o].__=e,t=Ue(i[o],t,n,!1));return t}for(t&&!t.parentNode&&(t=F(e))&&!t.parentNode&&(t=null),r=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(r!=s&&(!a&&n.moveBefore&&r.parentNode?n.moveBefore(r,t):n.insertBefore(r,t||null)),t=r;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function xt(e,t,n,a){var i,o=e.key,r=e.type,s=t[n],d=s&&!(2&s.__u);if(s===null&&o==null||d&&o==s.key&&r==s.type)return n;if(a>(d?1:0)){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&o==s.key&&r==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&o==s.key&&r==s.type)return i}return-1}function Ne(e,t,n){n==null&&(n=""),t[0]=="-"?e.setProperty(t,n):e[t]=n}function Z(e,t,n,a,i){var o,r;if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof a=="string"&&(e.style.cssText=a=""),a)for(t in a)n&&t in n||Ne(e.style,t);if(n)for(t in n)a&&n[t]==a[t]||Ne(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")typeof n!="function"&&(n=null),typeof a!="function"&&(a=null),(e.__e||(e.__e={}))[t]=n,n&&a||(r=_e[t]||(_e[t]=Ct(t)),(e.__a||(e.__a={}))[t]=fe,o=t!=(t=t.replace(Ae,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),n?e.addEventListener(t,r,o):e.removeEventListener(t,r,o));else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n)}}function Ct(e){return function(t){var n=this.__e;if(n){if(n=n[e],t[ee]==null)t[ee]=fe++;else if(t[ee]<this.__a[e])return;return n(P.event?P.event(t):t)}}}function $e(e,t,n,a,i,o,r,s,d,p){var c,g,$,l,_,w,y,m,f,h,v,k,D,q,M,qe,O,U,A=t.type;if(t.constructor!==z)return null;128&n.__u&&(d=32&n.__u,c=n.__c.__z)&&(t.__u|=d,g=o=[],c.nodeType==8?s=ne(c,o):o.push(c),s=o[0]||s),(c=P.__b)&&c(t);e:if(typeof A=="function"){$=r.length;try{if(m=t.props,f=(c=A.prototype)&&c.render,h=(c=A.contextType)&&a[c.__c],v=c?h?h.props.value:c.__:a,(l=n.__c)?(t.__c=l,2&l.__g&&(l.__g|=1)):(f?t.__c=l=new A(m,v):(t.__c=l=new te(m,v),l.constructor=A,l.render=St),h&&h.sub(l),l.state||(l.state={}),l.__n=a,l.__g|=8,l.__h=[],l.__k=[]),f&&(l.__s||(l.__s=l.state),A.getDerivedStateFromProps&&(l.__s==l.state&&(l.__s=H({},l.__s)),H(l.__s,A.getDerivedStateFromProps(m,l.__s)))),_=l.props,w=l.state,l.__v=t,n.__c){if(m!==_&&f&&!A.getDerivedStateFromProps&&l.componentWillReceiveProps&&l.componentWillReceiveProps(m,v),t.__v==n.__v&&!(8&l.__g)||!(4&l.__g)&&l.shouldComponentUpdate&&l.shouldComponentUpdate(m,l.__s,v)===!1){t.__v!=n.__v&&(l.props=m,l.state=l.__s,l.__g&=-9),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(I){I&&(I.__=t)}),re.push.apply(l.__h,l.__k),l.__k=[],l.__h.length&&r.push(l),s=F(n);break e}l.componentWillUpdate&&l.componentWillUpdate(m,l.__s,v),f&&l.componentDidUpdate&&l.__h.push(function(){l.componentDidUpdate(_,w,y)})}else f&&!A.getDerivedStateFromProps&&l.componentWillMount&&l.componentWillMount(),f&&l.componentDidMount&&l.__h.push(l.componentDidMount);l.context=v,l.props=m,l.__P=e,l.__g&=-5,k=P.__r,D=f?25:0;do l.__g&=-9,k&&k(t),c=l.render(l.props,l.state=l.__s,l.context);while(8&l.__g&&++D<25);f&&(re.push.apply(l.__h,l.__k),l.__k=[]),l.state=l.__s,l.getChildContext&&(a=H({},a,l.getChildContext())),f&&n.__c&&l.getSnapshotBeforeUpdate&&(y=l.getSnapshotBeforeUpdate(_,w)),q=c&&c.type===ie&&c.key==null?c.props.children:c,m.__P&&(c=s,i=(e=m.__P).namespaceURI,d=o=null,n.props&&n.props.__P!=e&&(n.__k.some(function(I){I&&ve(I,I)}),n.__k=null),s=n.__k?F(n,0):null),s=Me(e,me(q)?q:[q],t,n,a,i,o,r,s,d,p),m.__P&&(t.__e=null,s=c),t.__u&=-161,g&&g.some(R),l.__h.length&&r.push(l),1&l.__g&&(l.__g&=-4)}catch(I){if(r.length=$,t.__v=null,d||o)if(I&&I.then){if(t.__u|=128|d,o){for(~(O=o.indexOf(s||void 0))||(O=o.length);(U=o[O-1])&&U.nodeType==8;)O--;for(;O<o.length;O++)if(U=o[O])if(o[O]=null,M){if(U==qe)break}else{if(U.nodeType!=8)break;U.data.startsWith("$s")&&(qe=ne(M=U))}}if(!M){for(;s&&s.nodeType==8&&s.nextSibling;)s=s.nextSibling;M=s}(c=ne(M=t.__c.__z||(t.__c.__z=M)))?(t.__e=M,s=c):t.__e=s,s=s&&s.nextSibling}else o&&o.some(R);else t.__e=n.__e;t.__k||(t.__k=n.__k||[]),I&&I.then||Re(t),P.__e(I,t,n)}}else s=t.__e=Pt(n.__e,t,n,a,i,o,r,d,p,e);return(c=P.diffed)&&c(t),s}function ne(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))n++;else if(e.data.startsWith("/$s")&&!--n)return e}t&&t.push(e)}}function Re(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(Re))}function He(e,t,n){for(var a=0;a<n.length;)ge(n[a++],n[a++],n[a++]);P.__c&&P.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(o){o.call(i)})}catch(o){P.__e(o,i.__v)}})}function Pt(e,t,n,a,i,o,r,s,d,p){var c,g,$,l,_,w,y,m,f=n.props||ae,h=t.props,v=t.type;if(v=="svg"?i="http://www.w3.org/2000/svg":v=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),o){for(c=0;c<o.length;c++)if((_=o[c])&&(v?_.localName==v:_.nodeType==3)){e=_,o[c]=null;break}}if(!e){if(m=p.ownerDocument||document,!v)return m.createTextNode(h);e=m.createElementNS(i,v,h.is?h:p),s&&(P.__m&&P.__m(t,o),s=!1),o=null}if(v){if(p=v=="template"&&e.content||e,o=v=="textarea"&&h.defaultValue!=null?null:o&&he.call(p.childNodes),!s&&o)for(f={},c=0;c<e.attributes.length;c++)f[(_=e.attributes[c]).name]=_.value;for(c in f)_=f[c],c=="dangerouslySetInnerHTML"?$=_:c=="children"||c in h||c=="value"&&"defaultValue"in h||c=="checked"&&"defaultChecked"in h||Z(e,c,null,_,i);for(c in h)_=h[c],c=="children"?l=_:c=="dangerouslySetInnerHTML"?g=_:c=="value"?w=_:c=="checked"?y=_:s&&typeof _!="function"||f[c]===_||Z(e,c,_,f[c],i);g?(s||$&&(g.__html==$.__html||g.__html==e.innerHTML)||(e.innerHTML=g.__html),t.__k=[]):($&&(e.textContent=""),(v=="foreignObject"||i=="http://www.w3.org/1998/Math/MathML"&&yt.test(v))&&(i="http://www.w3.org/1999/xhtml"),Me(p,me(l)?l:[l],t,n,a,i,o,r,o?o[0]:n.__k&&F(n,0),s,d),o&&o.some(R)),s&&v!="textarea"||(c="value",v=="progress"&&w==null?e.removeAttribute(c):w==null||w===e[c]&&(v!="progress"||w)||Z(e,c,w,f[c],i),c="checked",y!=null&&y!=e[c]&&Z(e,c,y,f[c],i))}else f===h||s&&e.data==h||(e.data=h);return e}function ge(e,t,n,a){try{typeof e=="function"?t?t.__x=e(t)||1:a&&(a=a.__c||a.__e)&&(t=a.__x)&&(a.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(i){P.__e(i,n)}}function ve(e,t,n){var a,i,o,r;if(P.unmount&&P.unmount(e),!(a=e.ref)||a.current&&a.current!=e.__e||ge(a,null,t,e),a=e.__c){if(a.componentWillUnmount)try{a.componentWillUnmount()}catch(s){P.__e(s,t)}a.__P=a.__n=null}if(a=e.__k)for(r=0;r<a.length;r++)a[r]&&ve(a[r],t,typeof e.type!="function"||n&&!e.props.__P);!n&&(a=e.__c)&&(a=a.__z)&&(i=ne(a,o=[]))&&(a==e.__e&&o.some(R),R(i),R(a)),n||R(e.__e),e.__e=e.__c=e.__=null}function St(e,t,n){return this.constructor(e,n)}function We(e,t){var n,a,i,o;P.__&&P.__(e,t),t.nodeType==9&&(t=t.documentElement),a=(n=e&&32&e.__u)?null:t.__k,t.__k=B(ie,{children:[e]}),i=[],o=[],$e(t,t.__k,a||ae,ae,t.namespaceURI,a?null:t.firstChild?he.call(t.childNodes):null,i,a?a.__e:t.firstChild,n,o),He(i,t.__k,o),t.__k.props.children=null}P={__e:function(e,t,n,a){for(var i,o,r;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((r=(o=i.constructor)&&o.getDerivedStateFromError)&&i.setState(o.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,a||{}),r=1),r&&8&i.__g)return void(i.__g|=2)}catch(s){e=s}}throw oe=0,e}},De=0,vt=function(e){return e!=null&&e.constructor===z},te.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=H({},this.state)),typeof e=="function"&&(e=e(H({},n),this.props)),e&&(H(n,e),this.__v&&(t&&this.__k.push(t),Le(this)))},te.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),Le(this))},te.prototype.render=ie,j=[],oe=0,Ie=function(e,t){return e.__v.__b-t.__v.__b},ee=Symbol(),Ae=/(PointerCapture)$|Capture$/i,fe=0,_e={},bt=0;var V,E,be,Be,ye=Object.is,se=0,Ze=[],we=[],S=P,ze=S.__b,Ge=S.__r,Ve=S.diffed,Ye=S.__c,Ke=S.unmount,Je=S.__;function xe(e,t){S.__h&&S.__h(E,e,se||t),se=0;var n=E.__H||(E.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function b(e){return se=1,Tt(nt,e)}function Tt(e,t,n){var a=xe(V++,2);if(a.t=e,!a.__c&&(a.__=[n?n(t):nt(void 0,t),function(o){var r=(a.__N||a.__)[0],s=a.t(r,o);ye(r,s)||(a.__N=[s,a.__[1]],a.__c.setState({}))}],a.__c=E,!E.__f)){E.__f=!0;var i=E.shouldComponentUpdate;E.shouldComponentUpdate=function(o,r,s){var d=this.__H;if(!d)return!0;var p=!1,c=this.props!=o;if(d.__.some(function($){$.__N&&(p=!0,ye($.__[0],$.__N[0])||(c=!0))}),i){var g=i.call(this,o,r,s);return p?g||c:g}return!p||c}}return a.__}function L(e,t){var n=xe(V++,3);!S.__s&&tt(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,E.__H.__h.push(n))}function et(e){return se=5,Et(function(){return{current:e}},[])}function Et(e,t){var n=xe(V++,7);return tt(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function qt(){var e;do{for(;e=we.shift();)try{G(e)}catch(n){S.__e(n,{__:(e=e.__P)&&e.__v})}for(;e=Ze.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(G),t.__h.some(ke),t.__h=[]}catch(n){t.__h=[],S.__e(n,e.__v)}}}while(we.length)}S.__b=function(e){E=null,ze&&ze(e)},S.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Je&&Je(e,t)},S.__r=function(e){Ge&&Ge(e),V=0;var t=(E=e.__c).__H;t&&(be==E?E.__h=[]:(t.__h.some(G),t.__h.some(ke),V=0),t.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),be=E},S.diffed=function(e){Ve&&Ve(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Xe(Ze.push(t)),t.__H.__.some(function(n){n.u&&(n.__H=n.u)})),be=E=null},S.__c=function(e,t){t.some(function(n){try{n.__h.some(G),n.__h=n.__h.filter(function(a){return!a.__||ke(a)})}catch(a){n.__h=[function(){throw a}]}}),Ye&&Ye(e,t)},S.unmount=function(e){Ke&&Ke(e);var t,n,a=e.__c;a&&a.__H&&(a.__H.__.some(function(i){try{if(i.__P&&i.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}i.__P=n,Xe(we.push(i))}else G(i)}catch(o){t=o}}),a.__H=void 0,t&&S.__e(t,a.__v))};var Qe=typeof requestAnimationFrame=="function";function Lt(e){var t,n=function(){clearTimeout(a),Qe&&cancelAnimationFrame(t),setTimeout(e)},a=setTimeout(n,35);Qe&&(t=requestAnimationFrame(n))}function Xe(e){e!=1&&Be==S.requestAnimationFrame||((Be=S.requestAnimationFrame)||Lt)(qt)}function G(e){var t=E,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),E=t}function ke(e){var t=E;e.__c=e.__(),E=t}function tt(e,t){return!e||e.length!=t.length||t.some(function(n,a){return!ye(n,e[a])})}function nt(e,t){return typeof t=="function"?t(e):t}var at=function(e,t,n,a){var i;t[0]=0;for(var o=1;o<t.length;o++){var r=t[o++],s=t[o]?(t[0]|=r?1:2,n[t[o++]]):t[++o];r===3?a[0]=s:r===4?a[1]=Object.assign(a[1]||{},s):r===5?(a[1]=a[1]||{})[t[++o]]=s:r===6?a[1][t[++o]]+=s+"":r?(i=e.apply(s,at(e,s,n,["",null])),a.push(i),s[0]?t[0]|=2:(t[o-2]=0,t[o]=i)):a.push(s)}return a},ot=new Map;function rt(e){var t=ot.get(this);return t||(t=new Map,ot.set(this,t)),(t=at(this,t.get(e)||(t.set(e,t=(function(n){for(var a,i,o=1,r="",s="",d=[0],p=function($){o===1&&($||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?d.push(0,$,r):o===3&&($||r)?(d.push(3,$,r),o=2):o===2&&r==="..."&&$?d.push(4,$,0):o===2&&r&&!$?d.push(5,0,!0,r):o>=5&&((r||!$&&o===5)&&(d.push(o,0,r,i),o=6),$&&(d.push(o,$,0,i),o=6)),r=""},c=0;c<n.length;c++){c&&(o===1&&p(),p(c));for(var g=0;g<n[c].length;g++)a=n[c][g],o===1?a==="<"?(p(),d=[d],o=3):r+=a:o===4?r==="--"&&a===">"?(o=1,r=""):r=a+r[0]:s?a===s?s="":r+=a:a==='"'||a==="'"?s=a:a===">"?(p(),o=1):o&&(a==="="?(o=5,i=r,r=""):a==="/"&&(o<5||n[c][g+1]===">")?(p(),o===3&&(d=d[0]),o=d,(d=d[0]).push(2,0,o),o=0):a===" "||a==="	"||a===`
`||a==="\r"?(p(),o=2):r+=a),o===3&&r==="!--"&&(o=4,d=d[0])}return p(),d})(e)),t),arguments,[])).length>1?t:t[0]}var u=rt.bind(Oe);var le=class extends Error{constructor(t,n,a){super(n?.message||`HTTP ${t}`),this.status=t,this.code=n?.code||"http_error",this.field=n?.field||null,this.body=a}};async function it(e,t,n={}){let a={Accept:"application/json",...n.headers||{}};n.token&&(a.Authorization=`Bearer ${n.token}`);let i={method:e,headers:a};n.body!==void 0&&(a["Content-Type"]="application/json",i.body=JSON.stringify(n.body));let o;try{o=await fetch(t,i)}catch{throw new le(0,{code:"network",message:"The server cannot be reached."})}let r=await o.text(),s=null;if(r)try{s=JSON.parse(r)}catch{s=null}if(!o.ok)throw new le(o.status,s?.error,s);return s}function Y(e){let t=new URLSearchParams;for(let[a,i]of Object.entries(e))i!=null&&i!==""&&t.set(a,String(i));let n=t.toString();return n?`?${n}`:""}function st(e,t){let n=window.location.hash.replace(/^#/,""),a=new URLSearchParams(n),i=a.get(e);if(i){sessionStorage.setItem(t,i),a.delete(e);let o=a.toString(),r=window.location.pathname+window.location.search+(o?`#${o}`:"");window.history.replaceState(null,"",r)}return sessionStorage.getItem(t)}var ce="encore.admin.token",Ce=new Set;function Pe(){return st("token",ce)}function Se(){return sessionStorage.getItem(ce)}function K(e){e?sessionStorage.setItem(ce,e):sessionStorage.removeItem(ce);for(let t of Ce)t(e)}function lt(e){return Ce.add(e),()=>Ce.delete(e)}async function T(e,t,n){try{return await it(e,`/api/v1/admin${t}`,{token:Se(),body:n})}catch(a){throw a.status===401&&K(null),a}}var N=encodeURIComponent,C={institution:()=>T("GET","/institution"),channels:e=>T("GET",`/channels${Y({lang:e})}`),seatCategories:e=>T("GET",`/seat-categories${Y({lang:e})}`),audiences:e=>T("GET",`/audiences${Y({lang:e})}`),searchProducts:(e,t,n=20)=>T("GET",`/products${Y({q:e,lang:t,limit:n})}`),product:e=>T("GET",`/products/${N(e)}`),profiles:()=>T("GET","/profiles"),createProfile:e=>T("POST","/profiles",e),profile:e=>T("GET",`/profiles/${N(e)}`),replaceProfile:(e,t)=>T("PUT",`/profiles/${N(e)}`,t),deleteProfile:e=>T("DELETE",`/profiles/${N(e)}`),createLine:(e,t)=>T("POST",`/profiles/${N(e)}/lines`,t),line:(e,t)=>T("GET",`/profiles/${N(e)}/lines/${N(t)}`),replaceLine:(e,t,n)=>T("PUT",`/profiles/${N(e)}/lines/${N(t)}`,n),deleteLine:(e,t)=>T("DELETE",`/profiles/${N(e)}/lines/${N(t)}`),reorderLines:(e,t)=>T("PUT",`/profiles/${N(e)}/lines`,{order:t}),validate:e=>T("POST",`/profiles/${N(e)}/validate`),activate:e=>T("POST",`/profiles/${N(e)}/activate`),deactivate:e=>T("POST",`/profiles/${N(e)}/deactivate`),preview:e=>T("POST","/preview",e)};var J=[{type:"upsell",label:"Upsell",stage:"product page, instead of the item"},{type:"cart",label:"Cart",stage:"after adding, under the cart"},{type:"conditional",label:"Conditional",stage:"after adding, under the cart, if conditions hold"},{type:"favorite",label:"Favourite",stage:"after adding, in the side panel"},{type:"post_purchase",label:"Post-purchase",stage:"after payment, on the confirmation"}];function ct(e){return J.find(t=>t.type===e)?.label||e}function de({status:e}){return u`<span class=${`status ${e}`} data-testid="profile-status">${e}</span>`}function Q(e,t=[]){if(!e)return"";if(typeof e=="string")return e;for(let n of[...t,...Object.keys(e)])if(e[n])return e[n];return""}function Nt(e,t){if(!e?.field)return!1;let n=e.field;return n===t||n.startsWith(`${t}.`)||n.startsWith(`${t}[`)}function x({error:e,path:t}){return Nt(e,t)?u`<span class="field-error" role="alert" data-testid="field-error"
    data-field=${e.field}>${e.message}</span>`:null}function W({findings:e,testid:t="findings"}){if(!e?.length)return null;let n=[...e].sort((a,i)=>a.severity===i.severity?0:a.severity==="error"?-1:1);return u`<ul class="findings" data-testid=${t}>
    ${n.map(a=>u`<li class=${a.severity} data-testid="finding" data-severity=${a.severity}>
      <strong>${a.severity}</strong>${a.line?u` <code>${a.line}</code>`:""}: ${a.message}</li>`)}
  </ul>`}function Dt({reference:e,onCreated:t}){let[n,a]=b(""),[i,o]=b(""),[r,s]=b([]),[d,p]=b(null),c=e.channels.filter(l=>l.type==="internet"),g=l=>s(r.includes(l)?r.filter(_=>_!==l):[...r,l]);return u`
    <form class="panel new-profile" onSubmit=${async l=>{l.preventDefault();let _={code:n.trim(),status:"draft",channels:r,lines:[]};i.trim()&&(_.name={[e.lang]:i.trim()});try{await C.createProfile(_),p(null),t(_.code)}catch(w){p(w)}}} data-testid="new-profile">
      <h2>New profile</h2>
      <div class="row">
        <label>Code <input value=${n} required onInput=${l=>a(l.target.value)}
          data-testid="new-profile-code" /><${x} error=${d} path="code" /></label>
        <label>Name (${e.lang}) <input value=${i} onInput=${l=>o(l.target.value)}
          data-testid="new-profile-name" /></label>
      </div>
      <fieldset><legend>Channels (internet)</legend>
        ${c.map(l=>u`<label class="check"><input type="checkbox" checked=${r.includes(l.code)}
          onChange=${()=>g(l.code)} /> ${l.name} <code>${l.code}</code></label>`)}
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
              <td><a href=${`#/profile/${encodeURIComponent(r.code)}`}>${Q(r.name,e.languages)||r.code}</a>
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
    </section>`}var It=["instead","under_cart","sidebar","confirmation"];function At(e,t,n){let a=e.map(s=>s.id),i=a.indexOf(t),o=e[i].type,r=i+n;for(;r>=0&&r<e.length&&e[r].type!==o;)r+=n;return r<0||r>=e.length?null:([a[i],a[r]]=[a[r],a[i]],a)}function Ot({profile:e,reference:t,onSaved:n}){let[a,i]=b(()=>({...typeof e.name=="string"?{[t.lang]:e.name}:e.name||{}})),[o,r]=b(e.channels),[s,d]=b({...e.limits||{}}),[p,c]=b(null),g=t.channels.filter(_=>_.type==="internet"||e.channels.includes(_.code)),$=_=>r(o.includes(_)?o.filter(w=>w!==_):[...o,_]);return u`
    <details class="panel settings">
      <summary>Name, channels and limits</summary>
      <form onSubmit=${async _=>{_.preventDefault();let{lines:w,...y}=e,m={...y,channels:o},f=Object.fromEntries(Object.entries(a).filter(([,v])=>v.trim()));Object.keys(f).length?m.name=f:delete m.name;let h=Object.fromEntries(Object.entries(s).filter(([,v])=>v!==""&&v!==void 0).map(([v,k])=>[v,Number(k)]));Object.keys(h).length?m.limits=h:delete m.limits;try{n(await C.replaceProfile(e.code,m)),c(null)}catch(v){c(v)}}}>
        <div class="row">${t.languages.map(_=>u`
          <label>Name (${_}) <input value=${a[_]||""} onInput=${w=>i({...a,[_]:w.target.value})} /></label>`)}
        </div>
        <fieldset><legend>Channels</legend>
          ${g.map(_=>u`<label class="check"><input type="checkbox" checked=${o.includes(_.code)}
            data-testid="profile-channel" data-code=${_.code} onChange=${()=>$(_.code)} /> ${_.name} <code>${_.code}</code>
            ${_.type!=="internet"&&u` <em>(${_.type})</em>`}</label>`)}
          <${x} error=${p} path="channels" />
        </fieldset>
        <fieldset><legend>How many each placement shows (empty: the default)</legend>
          <div class="row">${It.map(_=>u`
            <label>${_} <input type="number" min="0" max="1000" value=${s[_]??""}
              onInput=${w=>d({...s,[_]:w.target.value})} /></label>`)}</div>
          <${x} error=${p} path="limits" />
        </fieldset>
        ${p&&u`<p class="error" role="alert">${p.message}</p>`}
        ${p?.body?.findings&&u`<${W} findings=${p.body.findings.findings} />`}
        <button class="primary" type="submit" data-testid="save-profile">Save</button>
      </form>
    </details>`}function jt(e){let t=[e.product];return e.quantity&&t.push(e.quantity.mode),e.date&&t.push(e.date),t.join(" \xB7 ")}function Ft({line:e,profile:t,findings:n,onMove:a,onDelete:i,first:o,last:r,reference:s}){let[d,p]=b(!1),c=n.filter(l=>l.line===e.id),g=`#/profile/${encodeURIComponent(t.code)}/line/${encodeURIComponent(e.id)}`,$=c.some(l=>l.severity==="error")?"has-error":c.length?"has-warning":"";return u`
    <li class=${`line ${$}`} data-testid="line" data-id=${e.id} data-type=${e.type}>
      <div class="line-main">
        <div>
          <a href=${g} class="line-id" data-testid="edit-line"><code>${e.id}</code></a>
          <span class="muted"> base </span><code>${e.base}</code>
          <span class="muted"> → </span>${e.targets.map((l,_)=>u`${_>0?", ":""}<code>${jt(l)}</code>`)}
          ${e.when&&u`<div class="muted">when: ${[e.when.min_quantity&&`at least ${e.when.min_quantity}`,e.when.performances&&`performances ${e.when.performances.join(", ")}`,e.when.seat_categories&&`seat categories ${e.when.seat_categories.join(", ")}`].filter(Boolean).join("; ")}</div>`}
          ${(e.valid_from||e.valid_to)&&u`<div class="muted">valid ${e.valid_from||"\u2026"} to ${e.valid_to||"\u2026"}</div>`}
          ${e.text&&u`<div class="line-text">${Q(e.text,s.languages)}</div>`}
        </div>
        <div class="line-buttons">
          <button title="Move up" aria-label=${`Move ${e.id} up`} disabled=${o} data-testid="line-up" onClick=${()=>a(e.id,-1)}>↑</button>
          <button title="Move down" aria-label=${`Move ${e.id} down`} disabled=${r} data-testid="line-down" onClick=${()=>a(e.id,1)}>↓</button>
          <a class="button" href=${g}>Edit</a>
          ${d?u`<button class="danger" data-testid="line-delete-confirm" onClick=${()=>i(e.id)}>Delete ${e.id}?</button>`:u`<button data-testid="line-delete" onClick=${()=>p(!0)}>Delete</button>`}
        </div>
      </div>
      <${W} findings=${c} testid="line-findings" />
    </li>`}function Mt({profile:e,findings:t,reference:n,onMove:a,onDelete:i}){let o=e.lines||[];return J.map(({type:r,label:s,stage:d})=>{let p=o.filter(c=>c.type===r);return u`
      <section class="line-group" data-testid="line-group" data-type=${r}>
        <div class="group-head">
          <h2>${s} <small class="muted">${d}</small></h2>
          <a class="button" data-testid="add-line" data-type=${r}
            href=${`#/profile/${encodeURIComponent(e.code)}/new/${r}`}>${/^[aeiou]/i.test(s)?"Add an":"Add a"} ${s.toLowerCase()} line</a>
        </div>
        ${p.length===0?u`<p class="muted">No line.</p>`:u`<ol class="lines">${p.map((c,g)=>u`<${Ft} key=${c.id} line=${c} profile=${e}
              findings=${t} reference=${n} first=${g===0} last=${g===p.length-1}
              onMove=${a} onDelete=${i} />`)}</ol>`}
      </section>`})}function ut({code:e,reference:t}){let[n,a]=b(null),[i,o]=b(null),[r,s]=b(null),[d,p]=b(null),[c,g]=b(!1),$=k=>{a(k.profile),o(k.findings)};L(()=>{C.profile(e).then($).catch(k=>s(k.message))},[e]);let l=async(k,D)=>{s(null),p(null);try{let q=await k();D(q)}catch(q){s(q.message),q.body?.findings&&o(q.body.findings)}},_=()=>l(()=>C.validate(e),k=>{o(k),p(k.errors?`${k.errors} error(s), ${k.warnings} warning(s): fix the errors before activating.`:`No error${k.warnings?`, ${k.warnings} warning(s)`:""}: the profile can be activated.`)}),w=()=>l(()=>C.activate(e),k=>{$(k);let D=k.took_over.map(q=>`${q.channel} from ${q.from}`).join(", ");p(`Active.${D?` Took over ${D}.`:""}`)}),y=()=>l(()=>C.deactivate(e),k=>{$(k),p("Back to draft.")}),m=(k,D)=>{let q=At(n.lines,k,D);q&&l(()=>C.reorderLines(e,q),$)},f=k=>l(()=>C.deleteLine(e,k),()=>C.profile(e).then($)),h=()=>l(()=>C.deleteProfile(e),()=>{window.location.hash="#/"});if(!n)return r?u`<p class="error" role="alert">${r}</p>`:u`<p class="muted">Loading…</p>`;let v=(i?.findings||[]).filter(k=>!k.line);return u`
    <section class="profile" data-testid="profile" data-code=${n.code}>
      <p><a href="#/">← Profiles</a></p>
      <div class="profile-head">
        <h1>${Q(n.name,t.languages)||n.code} <code>${n.code}</code></h1>
        <${de} status=${n.status} />
      </div>
      <p class="muted">Channels: <span data-testid="profile-channels">${n.channels.join(", ")||"none"}</span>
        ${i&&u` · <span data-testid="finding-counts">${i.errors} error(s), ${i.warnings} warning(s)</span>`}</p>
      <div class="actions">
        <button data-testid="validate" onClick=${_}>Validate</button>
        ${n.status==="active"?u`<button data-testid="deactivate" onClick=${y}>Deactivate</button>`:u`<button class="primary" data-testid="activate" onClick=${w}>Activate</button>`}
        <a class="button" href="#/preview">Preview</a>
        ${c?u`<button class="danger" data-testid="profile-delete-confirm" onClick=${h}>Delete ${n.code}?</button>`:u`<button data-testid="profile-delete" onClick=${()=>g(!0)}>Delete profile</button>`}
      </div>
      ${d&&u`<p class="notice" role="status" data-testid="notice">${d}</p>`}
      ${r&&u`<p class="error" role="alert" data-testid="profile-error">${r}</p>`}
      <${W} findings=${v} testid="profile-findings" />
      <${Ot} key=${JSON.stringify(n)} profile=${n} reference=${t} onSaved=${$} />
      <${Mt} profile=${n} findings=${i?.findings||[]} reference=${t}
        onMove=${m} onDelete=${f} />
    </section>`}var Ut=150;function X({value:e,onChange:t,lang:n,testid:a="product-picker",placeholder:i}){let[o,r]=b(""),[s,d]=b([]),[p,c]=b(!1),[g,$]=b(0),[l,_]=b(null),w=et(0);L(()=>{if(!e){_(null);return}l?.code!==e&&C.searchProducts(e,n,5).then(f=>_(f.products.find(h=>h.code===e)||{code:e,name:""})).catch(()=>_({code:e,name:""}))},[e]),L(()=>{if(!p)return;let f=++w.current,h=setTimeout(()=>{C.searchProducts(o,n,20).then(v=>{f===w.current&&(d(v.products),$(0))}).catch(()=>f===w.current&&d([]))},Ut);return()=>clearTimeout(h)},[o,p]);let y=f=>{_(f),c(!1),r(""),t(f.code,f)},m=f=>{f.key==="ArrowDown"?$(Math.min(g+1,s.length-1)):f.key==="ArrowUp"?$(Math.max(g-1,0)):f.key==="Enter"&&s[g]?(f.preventDefault(),y(s[g])):f.key==="Escape"&&c(!1)};return u`
    <div class="picker" data-testid=${a}>
      ${e&&u`<div class="picked" data-testid="picked" data-code=${e}>
        <code>${e}</code> ${l?.name&&u`<span>${l.name}</span>`}
        ${l?.archived&&u` <em>(archived)</em>`}</div>`}
      <input type="search" value=${o} placeholder=${i||(e?"Change: type a code or a name":"Type a code or a name")}
        data-testid="picker-input" autocomplete="off"
        onInput=${f=>{r(f.target.value),c(!0)}}
        onFocus=${()=>c(!0)} onKeyDown=${m}
        onBlur=${()=>setTimeout(()=>c(!1),200)} />
      ${p&&s.length>0&&u`
        <ul class="picker-results" role="listbox">
          ${s.map((f,h)=>u`<li role="option" aria-selected=${h===g} data-testid="picker-result"
            data-code=${f.code} class=${h===g?"active":""}
            onMouseDown=${v=>{v.preventDefault(),y(f)}}><code>${f.code}</code> ${f.name} <small class="muted">${f.kind}${f.dated?", dated":""}</small></li>`)}
        </ul>`}
    </div>`}var pt=()=>({product:"",qmode:"",per:"",value:"",min:"",max:"",date:"",seat_categories:[],audiences:[]});function Rt(e){let t=e.quantity||{};return{product:e.product,qmode:t.mode||"",per:t.per??"",value:t.value??"",min:t.min??"",max:t.max??"",date:e.date||"",seat_categories:e.seat_categories||[],audiences:e.audiences||[]}}function _t(e,t){let n={};for(let a of t)n[a]="";return typeof e.text=="string"?n[t[0]]=e.text:Object.assign(n,e.text||{}),{id:e.id||"",type:e.type||"cart",base:e.base||"",targets:(e.targets||[]).map(Rt),when:{min_quantity:e.when?.min_quantity??"",performances:e.when?.performances||[],seat_categories:e.when?.seat_categories||[]},valid_from:e.valid_from||"",valid_to:e.valid_to||"",text:n}}function ft(e){let t=String(e).trim();return/^-?\d+$/.test(t)?Number(t):t}function Ht(e){let t={product:e.product};if(e.qmode){let n={mode:e.qmode},a={proportional:["per"],fixed:["value"],choice:["min","max"]}[e.qmode];for(let i of a)String(e[i]).trim()!==""&&(n[i]=ft(e[i]));t.quantity=n}return e.date&&(t.date=e.date),e.seat_categories.length&&(t.seat_categories=e.seat_categories),e.audiences.length&&(t.audiences=e.audiences),t}function Wt(e){let t={id:e.id.trim(),type:e.type,base:e.base,targets:e.targets.map(Ht)};if(e.type==="conditional"){let a={};String(e.when.min_quantity).trim()!==""&&(a.min_quantity=ft(e.when.min_quantity)),e.when.performances.length&&(a.performances=e.when.performances),e.when.seat_categories.length&&(a.seat_categories=e.when.seat_categories),Object.keys(a).length&&(t.when=a)}e.valid_from.trim()&&(t.valid_from=e.valid_from.trim()),e.valid_to.trim()&&(t.valid_to=e.valid_to.trim());let n=Object.fromEntries(Object.entries(e.text).filter(([,a])=>a.trim()!==""));return Object.keys(n).length&&(t.text=n),t}function Bt(e){if(!e?.field)return e;let t=e.field.replace(/^lines\[\d+\]\.?/,"");return{...e,field:t,message:e.message}}function ue({options:e,chosen:t,onChange:n,testid:a}){let i=o=>n(t.includes(o)?t.filter(r=>r!==o):[...t,o]);return u`<div class="checks" data-testid=${a}>
    ${e.map(o=>u`<label class="check"><input type="checkbox" checked=${t.includes(o.code)}
      data-code=${o.code} onChange=${()=>i(o.code)} /> ${o.name||o.code}</label>`)}
    <span class="muted">${t.length?"":"none ticked: any"}</span>
  </div>`}function zt({t:e,i:t,count:n,set:a,remove:i,move:o,reference:r,error:s}){let d=`targets[${t}]`,p=(c,g,$={})=>u`<label>${g}
    <input type="number" min="1" value=${e[c]} data-testid=${`target-${c}`} ...${$}
      onInput=${l=>a({...e,[c]:l.target.value})} />
    <${x} error=${s} path=${`${d}.quantity.${c}`} /></label>`;return u`
    <fieldset class="target" data-testid="target" data-index=${t}>
      <legend>Target ${t+1}</legend>
      <label>Product</label>
      <${X} value=${e.product} lang=${r.lang} testid="target-product"
        onChange=${c=>a({...e,product:c})} />
      <${x} error=${s} path=${`${d}.product`} />
      <div class="row">
        <label>Quantity
          <select value=${e.qmode} data-testid="target-quantity-mode" onChange=${c=>a({...e,qmode:c.target.value})}>
            <option value="">default for the kind of line</option>
            <option value="proportional">proportional to the base</option>
            <option value="fixed">fixed</option>
            <option value="choice">the buyer's choice</option>
          </select><${x} error=${s} path=${`${d}.quantity`} /></label>
        ${e.qmode==="proportional"&&p("per","one per \u2026 base units (default 1)")}
        ${e.qmode==="fixed"&&p("value","value")}
        ${e.qmode==="choice"&&p("min","min (default 1)")}
        ${e.qmode==="choice"&&p("max","max (default max per order, else 10)")}
        <label>Date
          <select value=${e.date} data-testid="target-date" onChange=${c=>a({...e,date:c.target.value})}>
            <option value="">default for the kind of line</option>
            <option value="same_as_base">same as the base</option>
            <option value="choice">the buyer's choice</option>
          </select><${x} error=${s} path=${`${d}.date`} /></label>
      </div>
      <label>Seat categories that may be offered</label>
      <${ue} options=${r.seatCategories} chosen=${e.seat_categories} testid="target-seat-categories"
        onChange=${c=>a({...e,seat_categories:c})} />
      <${x} error=${s} path=${`${d}.seat_categories`} />
      <label>Audiences that may be offered</label>
      <${ue} options=${r.audiences} chosen=${e.audiences} testid="target-audiences"
        onChange=${c=>a({...e,audiences:c})} />
      <${x} error=${s} path=${`${d}.audiences`} />
      <div class="line-buttons">
        <button type="button" disabled=${t===0} onClick=${()=>o(-1)}>↑</button>
        <button type="button" disabled=${t===n-1} onClick=${()=>o(1)}>↓</button>
        <button type="button" disabled=${n===1} onClick=${i} data-testid="target-remove">Remove target</button>
      </div>
    </fieldset>`}function Gt({form:e,setForm:t,reference:n,error:a}){let[i,o]=b([]);L(()=>{e.base&&C.product(e.base).then(d=>o((d.product.performances||[]).map(p=>({code:p.code,name:`${p.code} \xB7 ${p.start.slice(0,16).replace("T"," ")}`})))).catch(()=>o([]))},[e.base]);let r=e.when,s=(d,p)=>t({...e,when:{...r,[d]:p}});return u`
    <fieldset class="when" data-testid="when">
      <legend>Conditions on the base (conditional line)</legend>
      <label>Minimum quantity (default 1)
        <input type="number" min="1" value=${r.min_quantity} data-testid="when-min-quantity"
          onInput=${d=>s("min_quantity",d.target.value)} />
        <${x} error=${a} path="when.min_quantity" /></label>
      <label>Performances of the base</label>
      ${i.length?u`<${ue} options=${i} chosen=${r.performances} testid="when-performances"
        onChange=${d=>s("performances",d)} />`:u`<p class="muted">${e.base?"The base has no performance.":"Choose the base first."}</p>`}
      <${x} error=${a} path="when.performances" />
      <label>Seat categories</label>
      <${ue} options=${n.seatCategories} chosen=${r.seat_categories} testid="when-seat-categories"
        onChange=${d=>s("seat_categories",d)} />
      <${x} error=${a} path="when.seat_categories" />
      <${x} error=${a} path="when" />
    </fieldset>`}function Te({code:e,id:t,newType:n,reference:a}){let i=!t,[o,r]=b(i?{..._t({type:n||"cart"},a.languages),targets:[pt()]}:null),[s,d]=b([]),[p,c]=b(null),[g,$]=b(!1);if(L(()=>{i||C.line(e,t).then(m=>{r(_t(m.line,a.languages)),d(m.findings.findings.filter(f=>f.line===t))}).catch(m=>c(m))},[e,t]),!o)return p?u`<p class="error" role="alert">${p.message}</p>`:u`<p class="muted">Loading…</p>`;let l=(m,f)=>r({...o,targets:o.targets.map((h,v)=>v===m?f:h)}),_=(m,f)=>{let h=o.targets.slice();[h[m],h[m+f]]=[h[m+f],h[m]],r({...o,targets:h})},w=`#/profile/${encodeURIComponent(e)}`,y=async m=>{m.preventDefault(),$(!0),c(null);let f=Wt(o);try{i?await C.createLine(e,f):await C.replaceLine(e,t,f),window.location.hash=w}catch(h){c(Bt(h)),h.body?.findings&&d(h.body.findings.findings.filter(v=>!v.line||v.line===f.id))}finally{$(!1)}};return u`
    <section class="line-editor" data-testid="line-editor">
      <p><a href=${w}>← Profile ${e}</a></p>
      <h1>${i?`New ${ct(o.type).toLowerCase()} line`:u`Line <code>${t}</code>`}</h1>
      <${W} findings=${s} testid="line-findings" />
      <form onSubmit=${y}>
        <div class="row">
          <label>Line id
            <input value=${o.id} required readonly=${!i} data-testid="line-id"
              onInput=${m=>r({...o,id:m.target.value})} />
            <${x} error=${p} path="id" /></label>
          <label>Kind
            <select value=${o.type} data-testid="line-type" onChange=${m=>r({...o,type:m.target.value})}>
              ${J.map(m=>u`<option value=${m.type}>${m.label}: ${m.stage}</option>`)}
            </select><${x} error=${p} path="type" /></label>
        </div>
        <label>Base product (what the buyer picked)</label>
        <${X} value=${o.base} lang=${a.lang} testid="base-product"
          onChange=${m=>r({...o,base:m,when:{...o.when,performances:[]}})} />
        <${x} error=${p} path="base" />
        ${o.type==="conditional"&&u`<${Gt} form=${o} setForm=${r} reference=${a} error=${p} />`}
        <h2>Targets (proposed, in order)</h2>
        ${o.targets.map((m,f)=>u`<${zt} key=${f} t=${m} i=${f} count=${o.targets.length}
          reference=${a} error=${p}
          set=${h=>l(f,h)} move=${h=>_(f,h)}
          remove=${()=>r({...o,targets:o.targets.filter((h,v)=>v!==f)})} />`)}
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
            onInput=${f=>r({...o,text:{...o.text,[m]:f.target.value}})}></textarea>
          <${x} error=${p} path=${`text.${m}`} /></label>`)}
        <${x} error=${p} path="text" />
        ${p&&u`<p class="error" role="alert" data-testid="save-error">Not saved: ${p.message}${p.field?` (${p.field})`:""}</p>`}
        <div class="actions">
          <button class="primary" type="submit" disabled=${g} data-testid="save-line">Save the line</button>
          <a class="button" href=${w}>Cancel</a>
        </div>
      </form>
    </section>`}var Ee=()=>({product:"",performance:"",seat_category:"",audience:"",quantity:"1"});function mt(e){let t={product:e.product};for(let n of["performance","seat_category","audience"])e[n]&&(t[n]=e[n]);return t.quantity=/^\d+$/.test(String(e.quantity).trim())?Number(e.quantity):e.quantity,t}function ht({item:e,set:t,remove:n,reference:a,error:i,path:o}){let[r,s]=b([]);return L(()=>{e.product&&C.product(e.product).then(d=>s(d.product.performances||[])).catch(()=>s([]))},[e.product]),u`
    <div class="item-editor" data-testid="preview-item">
      <${X} value=${e.product} lang=${a.lang} testid="preview-product"
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
      <thead><tr><th>Line</th><th>Base</th><th>Target</th><th>Outcome</th><th>Rule</th><th>Why</th></tr></thead>
      <tbody>${e.map(t=>u`
        <tr data-testid="trace-entry" data-line=${t.line} data-outcome=${t.outcome} data-reason=${t.reason}
          class=${t.outcome==="proposed"?"fired":"stopped"}>
          <td><code>${t.line}</code> <small class="muted">${t.type}</small></td>
          <td><code>${[t.base?.product,t.base?.performance].filter(Boolean).join(" / ")}</code></td>
          <td>${t.product&&u`<code>${t.product}</code>`}${t.target!==void 0&&u` <small class="muted">target ${t.target+1}</small>`}</td>
          <td>${t.outcome==="proposed"?"fired":"stopped"}</td>
          <td>${t.rule||""}</td>
          <td>${t.outcome==="proposed"?"":t.message}${t.reason&&t.outcome!=="proposed"?u` <small class="muted">(${t.reason})</small>`:""}</td>
        </tr>`)}</tbody>
    </table></div>`:null}function $t({reference:e}){let t=e.channels,[n,a]=b((t.find(h=>h.type==="internet")||t[0])?.code||""),[i,o]=b("cart"),[r,s]=b(e.lang),[d,p]=b(""),[c,g]=b([Ee()]),[$,l]=b(Ee()),[_,w]=b(null),[y,m]=b(null);return u`
    <section class="preview" data-testid="preview">
      <h1>Preview</h1>
      <p class="muted">What a buyer would see, and why each line fired or which rule stopped it.</p>
      <form onSubmit=${async h=>{h.preventDefault();let v={channel:n,stage:i,lang:r,cart:c.filter(k=>k.product).map(mt)};d.trim()&&(v.now=d.trim()),i==="product"&&(v.focus=mt($)),m(null);try{w(await C.preview(v))}catch(k){w(null),m(k)}}} class="panel">
        <div class="row">
          <label>Channel <select value=${n} data-testid="preview-channel" onChange=${h=>a(h.target.value)}>
            ${t.map(h=>u`<option value=${h.code}>${h.name} (${h.code}, ${h.type})</option>`)}</select></label>
          <label>Stage <select value=${i} data-testid="preview-stage" onChange=${h=>o(h.target.value)}>
            <option value="product">product page (upsell)</option>
            <option value="cart">cart (cart, conditional, favourite)</option>
            <option value="confirmation">confirmation (post-purchase)</option></select></label>
          <label>Language <select value=${r} onChange=${h=>s(h.target.value)}>
            ${e.languages.map(h=>u`<option value=${h}>${h}</option>`)}</select></label>
          <label>Date (RFC 3339; empty: now)
            <input value=${d} placeholder="2027-05-02T10:00:00-04:00" data-testid="preview-now"
              onInput=${h=>p(h.target.value)} /><${x} error=${y} path="now" /></label>
        </div>
        ${i==="product"&&u`<h2>Focus (the item looked at)</h2>
          <${ht} item=${$} set=${l} reference=${e} error=${y} path="focus" />`}
        <h2>Cart</h2>
        ${c.map((h,v)=>u`<${ht} key=${v} item=${h} reference=${e} error=${y} path=${`cart[${v}]`}
          set=${k=>g(c.map((D,q)=>q===v?k:D))}
          remove=${()=>g(c.filter((k,D)=>D!==v))} />`)}
        <div class="actions">
          <button type="button" data-testid="preview-add-item" onClick=${()=>g([...c,Ee()])}>Add an item</button>
          <button class="primary" type="submit" data-testid="preview-run">Preview</button>
        </div>
        ${y&&u`<p class="error" role="alert" data-testid="preview-error">${y.message}${y.field?` (${y.field})`:""}</p>`}
      </form>
      ${_&&u`
        <h2>Proposals <small class="muted">profile ${_.answer.profile??"none"} · now ${_.answer.now}</small></h2>
        <${Vt} answer=${_.answer} />
        <h2>Lines considered</h2>
        <${Yt} trace=${_.trace} />`}
    </section>`}function gt(){return window.location.hash.replace(/^#\/?/,"").split("/").map(t=>decodeURIComponent(t))}function Kt({problem:e}){let[t,n]=b("");return u`
    <section class="login">
      <h1>Encore back-office</h1>
      <form onSubmit=${i=>{i.preventDefault(),t.trim()&&K(t.trim())}}>
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
        <button class="lang" onClick=${()=>K(null)} data-testid="sign-out">Sign out</button>
      </nav>
    </header>`}function Xt(){let[e,t]=b(Se()),[n,a]=b(gt()),[i,o]=b(null),[r,s]=b(null);if(L(()=>lt(p=>{t(p),p||s("The admin token was refused or is missing. Sign in again.")}),[]),L(()=>{let p=()=>a(gt());return window.addEventListener("hashchange",p),p(),()=>window.removeEventListener("hashchange",p)},[]),L(()=>{e&&(o(null),Jt().then(p=>{o(p),s(null)}).catch(p=>s(p.message)))},[e]),!e)return u`<main><${Kt} problem=${r} /></main>`;let d;return i?n[0]==="profile"&&n[2]==="line"?d=u`<${Te} key=${n.join("/")} reference=${i} code=${n[1]} id=${n[3]} />`:n[0]==="profile"&&n[2]==="new"?d=u`<${Te} key=${n.join("/")} reference=${i} code=${n[1]} newType=${n[3]} />`:n[0]==="profile"?d=u`<${ut} key=${n[1]} reference=${i} code=${n[1]} />`:n[0]==="preview"?d=u`<${$t} reference=${i} />`:d=u`<${dt} reference=${i} />`:d=r?u`<p class="error" role="alert">${r}</p>`:u`<p class="muted">Loading…</p>`,u`<${Qt} route=${n} /><main>${d}</main>`}Pe();window.addEventListener("hashchange",()=>{/(^#|&)token=/.test(window.location.hash)&&K(Pe())});We(u`<${Xt} />`,document.getElementById("app"));})();
